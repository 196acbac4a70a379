// ma.wma; mirrors native/ma/wma.h.
import { at, Call, input, param, put, STATE_A, STATE_B } from "../abi";
import { clearLanes, lane, wmaFeed } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const x = input(c, 0);
  const sum = STATE_A, sub = STATE_B;
  clearLanes(sum, nb);
  clearLanes(sub, nb);
  for (let t = s; t < e; ++t) {
    const age = t - s;
    for (let j = 0; j < nb; ++j) {
      const n = <i32>param(c, 0, b0 + j);
      put<O>(c, 0, t, b0 + j, wmaFeed(lane(sum, j), lane(sub, j), at(x, t), at(x, t - min(age, n)), age, n));
    }
  }
}
