// structure.distance_to_ma_norm; mirrors native/structure/distance_to_ma_norm.h.
import { at, Call, input, param, put } from "../abi";
import { averageLane, seedsFirst, trueRange } from "../primitives";
import { ratioOrNaN } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const x = input(c, 0), high = input(c, 1), low = input(c, 2), close = input(c, 3);
  for (let j = 0; j < nb; ++j) {
    const first = seedsFirst(c, 1, b0 + j);
    averageLane(0, j).reset(param(c, 0, b0 + j), false, first);
    averageLane(1, j).reset(param(c, 0, b0 + j), true, first);
  }
  for (let t = s; t < e; ++t) {
    const range = t > s ? trueRange(at(high, t), at(low, t), at(close, t - 1)) : at(high, t) - at(low, t);
    const xt = at(x, t);
    for (let j = 0; j < nb; ++j) {
      const ema = averageLane(0, j), atr = averageLane(1, j);
      ema.push(xt);
      const ready = (t > s || seedsFirst(c, 1, b0 + j)) && atr.push(range);
      put<O>(c, 0, t, b0 + j, ready ? ratioOrNaN(xt - ema.value, atr.value) : NaN);
    }
  }
}
