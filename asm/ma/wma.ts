// ma.wma; mirrors native/ma/wma.h.
import { at, BLOCK, Call, input, OK, param, put, STATE_A, STATE_B } from "../abi";
import { segmentEnd, skipGaps } from "../primitives";
import { clearLanes, lane, wmaFeed } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function run<O>(c: Call): i32 {
  const x = input(c, 0);
  const sum = STATE_A, sub = STATE_B;
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 1, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 1, t);
      clearLanes(sum, nb);
      clearLanes(sub, nb);
      for (t = s; t < e; ++t) {
        const age = t - s;
        for (let j = 0; j < nb; ++j) {
          const n = <i32>param(c, 0, b0 + j);
          put<O>(c, 0, t, b0 + j, wmaFeed(lane(sum, j), lane(sub, j), at(x, t), at(x, t - min(age, n)), age, n));
        }
      }
    }
  }
  return OK;
}
