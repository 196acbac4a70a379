// momentum.bop; mirrors native/momentum/bop.h.
import { at, Call, input, OK, put } from "../abi";
import { validAt } from "../primitives";

export function scratch(T: i32): f64 { return 0.0; }

export function run<O>(c: Call): i32 {
  const open = input(c, 0), high = input(c, 1), low = input(c, 2), close = input(c, 3);
  for (let t = 0; t < c.T; ++t) {
    const range = at(high, t) - at(low, t);
    const v = !validAt(c, 4, t) ? NaN : range < 1e-14 ? 0.0 : (at(close, t) - at(open, t)) / range;
    for (let k = c.v0; k < c.v1; ++k) put<O>(c, 0, t, k, v);
  }
  return OK;
}
