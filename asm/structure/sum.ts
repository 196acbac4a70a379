// structure.sum: TA-Lib SUM; mirrors native/structure/sum.h: a row of the
// block per bar, rows past every window of the block without the warm-up test.
import { at, BLOCK, Call, input, OK, putRow, ROW, SCRATCH_TOO_SMALL } from "../abi";
import { prefixLength, prefixSums, prefixWindowSum } from "../primitives";
import { loadWindowLanes, WINDOW_N } from "../ma/common";

export function scratch(T: i32): f64 { return prefixLength(T) + <f64>T; }

export function run<O>(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  const prefix = c.scratch, lastGap = c.scratch + (<usize>prefixLength(c.T) << 3);
  prefixSums(input(c, 0), c.T, prefix, lastGap);
  // Bar by bar: output tiles move forward only (asm/abi.ts).
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    const longest = loadWindowLanes(c, 0, b0, nb).longest;
    for (let t = 0; t < c.T; ++t) {
      const run = t - <i32>at(lastGap, t);
      if (<f64>run >= longest) {
        for (let j = 0; j < nb; ++j) {
          store<f64>(ROW + (<usize>j << 3), prefixWindowSum(prefix, t, <i32>load<f64>(WINDOW_N + (<usize>j << 3))));
        }
      } else {
        for (let j = 0; j < nb; ++j) {
          const n = <i32>load<f64>(WINDOW_N + (<usize>j << 3));
          store<f64>(ROW + (<usize>j << 3), run >= n ? prefixWindowSum(prefix, t, n) : NaN);
        }
      }
      putRow<O>(c, 0, t, b0, nb, ROW);
    }
  }
  return OK;
}
