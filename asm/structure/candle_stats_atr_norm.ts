// structure.candle_stats_atr_norm; mirrors native/structure/candle_stats_atr_norm.h.
import { at, Call, input, param, put, putNaNAll } from "../abi";
import { averageLane, seedsFirst, trueRange } from "../primitives";
import { candleBottom, candleTop, ratioOrNaN } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const open = input(c, 0), high = input(c, 1), low = input(c, 2), close = input(c, 3);
  for (let j = 0; j < nb; ++j) averageLane(0, j).reset(param(c, 0, b0 + j), true, seedsFirst(c, 1, b0 + j));
  for (let t = s; t < e; ++t) {
    const o = at(open, t), h = at(high, t), l = at(low, t), cl = at(close, t);
    const range = t > s ? trueRange(h, l, at(close, t - 1)) : h - l;
    const top = candleTop(o, cl), bottom = candleBottom(o, cl);
    for (let j = 0; j < nb; ++j) {
      const atr = averageLane(0, j);
      if ((t == s && !seedsFirst(c, 1, b0 + j)) || !atr.push(range)) {
        putNaNAll<O>(c, t, b0 + j, 1);
        continue;
      }
      const a = atr.value;
      put<O>(c, 0, t, b0 + j, ratioOrNaN(top - bottom, a));
      put<O>(c, 1, t, b0 + j, ratioOrNaN(h - l, a));
      put<O>(c, 2, t, b0 + j, ratioOrNaN(h - top, a));
      put<O>(c, 3, t, b0 + j, ratioOrNaN(bottom - l, a));
    }
  }
}
