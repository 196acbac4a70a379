// structure.distance_to_ma_norm; mirrors native/structure/distance_to_ma_norm.h.
import { at, BLOCK, Call, input, OK, param, put } from "../abi";
import { averageLane, segmentEnd, skipGaps, trueRange } from "../primitives";
import { ratioOrNaN } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function run<O>(c: Call): i32 {
  const x = input(c, 0), high = input(c, 1), low = input(c, 2), close = input(c, 3);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 4, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 4, t);
      for (let j = 0; j < nb; ++j) {
        averageLane(0, j).reset(param(c, 0, b0 + j));
        averageLane(1, j).reset(param(c, 0, b0 + j), true);
      }
      for (t = s; t < e; ++t) {
        const range = t > s ? trueRange(at(high, t), at(low, t), at(close, t - 1)) : 0.0;
        const xt = at(x, t);
        for (let j = 0; j < nb; ++j) {
          const ema = averageLane(0, j), atr = averageLane(1, j);
          ema.push(xt);
          const ready = t > s && atr.push(range);
          put<O>(c, 0, t, b0 + j, ready ? ratioOrNaN(xt - ema.value, atr.value) : NaN);
        }
      }
    }
  }
  return OK;
}
