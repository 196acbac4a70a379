// structure.candle_stats; mirrors native/structure/candle_stats.h.
import { at, Call, input, OK, put } from "../abi";
import { validAt } from "../primitives";
import { candleBottom, candleTop, ratioOrNaN } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function run<O>(c: Call): i32 {
  const open = input(c, 0), high = input(c, 1), low = input(c, 2), close = input(c, 3);
  for (let t = 0; t < c.T; ++t) {
    const valid = validAt(c, 4, t);
    const o = at(open, t), h = at(high, t), l = at(low, t), cl = at(close, t);
    const top = candleTop(o, cl), bottom = candleBottom(o, cl);
    const body = top - bottom, range = h - l, upper = h - top, lower = bottom - l;
    const bodyPct = 100.0 * ratioOrNaN(body, range);
    const upperPct = 100.0 * ratioOrNaN(upper, range), lowerPct = 100.0 * ratioOrNaN(lower, range);
    for (let v = c.v0; v < c.v1; ++v) {
      put<O>(c, 0, t, v, valid ? body : NaN);
      put<O>(c, 1, t, v, valid ? range : NaN);
      put<O>(c, 2, t, v, valid ? upper : NaN);
      put<O>(c, 3, t, v, valid ? lower : NaN);
      put<O>(c, 4, t, v, valid ? bodyPct : NaN);
      put<O>(c, 5, t, v, valid ? upperPct : NaN);
      put<O>(c, 6, t, v, valid ? lowerPct : NaN);
    }
  }
  return OK;
}
