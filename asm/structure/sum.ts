// structure.sum: TA-Lib SUM; mirrors native/structure/sum.h.
import { at, Call, input, OK, param, put, SCRATCH_TOO_SMALL } from "../abi";
import { prefixLength, prefixSums, prefixWindowSum } from "../primitives";

export function scratch(T: i32): f64 { return prefixLength(T) + <f64>T; }

export function run<O>(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  const prefix = c.scratch, lastGap = c.scratch + (<usize>(c.T + 1) << 4);
  prefixSums(input(c, 0), c.T, prefix, lastGap);
  for (let v = c.v0; v < c.v1; ++v) {
    const n = <i32>param(c, 0, v);
    for (let t = 0; t < c.T; ++t) put<O>(c, 0, t, v, t - <i32>at(lastGap, t) >= n ? prefixWindowSum(prefix, t, n) : NaN);
  }
  return OK;
}
