// ma.ht_trendline; mirrors native/ma/ht_trendline.h.
import { Call, input, put } from "../abi";
import { startSegment, step, trendline } from "../cycle/common";

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const x = input(c, 0);
  for (let t = startSegment<O>(c, b0, nb, s, e, 34, 63); t < e; ++t) {
    step(x, t, ((t - s) & 1) == 0);
    const line = trendline(x, s, t);
    const value = t - s >= 63 ? line : NaN;
    for (let j = 0; j < nb; ++j) put<O>(c, 0, t, b0 + j, value);
  }
}
