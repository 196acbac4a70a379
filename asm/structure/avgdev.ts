// structure.avgdev: TA-Lib AVGDEV; mirrors native/structure/avgdev.h.
import { Call, input, param, put } from "../abi";
import { averageDeviation } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const x = input(c, 0);
  for (let t = s; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const n = <i32>param(c, 0, b0 + j);
      put<O>(c, 0, t, b0 + j, t - s >= n - 1 ? averageDeviation(x, t, n) : NaN);
    }
  }
}
