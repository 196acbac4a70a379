// structure.sum: TA-Lib SUM; mirrors native/structure/sum.h.
import { at, BLOCK, Call, input, OK, param, putRow, ROW, SCRATCH_TOO_SMALL } from "../abi";
import { prefixLength, prefixSums, prefixWindowSum } from "../primitives";

export function scratch(T: i32): f64 { return prefixLength(T) + <f64>T; }

export function run<O>(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  const prefix = c.scratch, lastGap = c.scratch + (<usize>(c.T + 1) << 4);
  prefixSums(input(c, 0), c.T, prefix, lastGap);
  // Bar by bar: output tiles move forward only (asm/abi.ts).
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let t = 0; t < c.T; ++t) {
      const run = t - <i32>at(lastGap, t);
      for (let j = 0; j < nb; ++j) {
        const n = <i32>param(c, 0, b0 + j);
        store<f64>(ROW + (<usize>j << 3), run >= n ? prefixWindowSum(prefix, t, n) : NaN);
      }
      putRow<O>(c, 0, t, b0, nb, ROW);
    }
  }
  return OK;
}
