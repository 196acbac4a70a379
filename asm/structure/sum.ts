// structure.sum: TA-Lib SUM; mirrors native/structure/sum.h.
import { at, Call, input, OK, param, put, SCRATCH_TOO_SMALL } from "../abi";
import { prefixSums, prefixWindowSum } from "../primitives";

export function scratch(T: i32): f64 { return 2.0 * <f64>T + 1.0; }

export function run<O>(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  const prefix = c.scratch, lastGap = c.scratch + (<usize>(c.T + 1) << 3);
  prefixSums(input(c, 0), c.T, prefix, lastGap);
  // Bar by bar: output tiles move forward only (asm/abi.ts).
  for (let t = 0; t < c.T; ++t) {
    const run = t - <i32>at(lastGap, t);
    for (let v = c.v0; v < c.v1; ++v) {
      const n = <i32>param(c, 0, v);
      put<O>(c, 0, t, v, run >= n ? prefixWindowSum(prefix, t, n) : NaN);
    }
  }
  return OK;
}
