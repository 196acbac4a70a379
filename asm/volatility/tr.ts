// volatility.tr; mirrors native/volatility/tr.h.
import { at, Call, input, OK, put } from "../abi";
import { trueRange } from "../primitives";

export function scratch(T: i32): f64 { return 0.0; }

// 0 when bars t-1 and t are valid, NaN otherwise: x - x is 0 for a number.
@inline function trGap(high: usize, low: usize, close: usize, t: i32): f64 {
  return (at(high, t) - at(high, t)) + (at(low, t) - at(low, t)) + (at(close, t) - at(close, t)) +
         (at(high, t - 1) - at(high, t - 1)) + (at(low, t - 1) - at(low, t - 1)) + (at(close, t - 1) - at(close, t - 1));
}

export function run<O>(c: Call): i32 {
  if (c.T == 0) return OK;
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  // Bar by bar: output tiles move forward only (asm/abi.ts).
  for (let v = c.v0; v < c.v1; ++v) put<O>(c, 0, 0, v, NaN);
  for (let t = 1; t < c.T; ++t) {
    const x = trueRange(at(high, t), at(low, t), at(close, t - 1)) + trGap(high, low, close, t);
    for (let v = c.v0; v < c.v1; ++v) put<O>(c, 0, t, v, x);
  }
  return OK;
}
