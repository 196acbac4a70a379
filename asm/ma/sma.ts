// ma.sma; mirrors native/ma/sma.h: one prefix-sum pass per call serves every
// window of the block, a row of the block per bar.
import { at, Call, putRow, ROW } from "../abi";
import { prefixWindowSum } from "../primitives";
import { loadWindowLanes, prepareSourcePrefix, sourceLastGap, sourcePrefix, sourcePrefixScratch, WINDOW_INV, WINDOW_N } from "./common";

export function scratch(T: i32): f64 { return sourcePrefixScratch(T); }

export function prepare(c: Call): i32 { return prepareSourcePrefix(c); }

export function block<O>(c: Call, b0: i32, nb: i32): void {
  const prefix = sourcePrefix(c), lastGap = sourceLastGap(c);
  const lanes = loadWindowLanes(c, 0, b0, nb);
  const n0 = <i32>load<f64>(WINDOW_N);
  for (let t = 0; t < c.T; ++t) {
    const run = <f64>t - at(lastGap, t);
    // Multiply by 1/n, as native/ma/sma.h does (within one ulp of TA-Lib's divide).
    if (run >= lanes.longest && lanes.consecutive) {
      // A prefix entry is a (sum, rounding error) pair, one v128 (prefixSums in
      // asm/primitives.ts). Windows n0 + j and n0 + j + 1 start at entries
      // t + 1 - n0 - j and the one before; each sum is (Δsum) + (Δerror), as
      // prefixWindowSum computes it.
      const head = v128.load(prefix + (<usize>(t + 1) << 4));
      let j = 0;
      for (; j + 2 <= nb; j += 2) {
        const d0 = f64x2.sub(head, v128.load(prefix + (<usize>(t + 1 - n0 - j) << 4)));
        const d1 = f64x2.sub(head, v128.load(prefix + (<usize>(t - n0 - j) << 4)));
        const sums = f64x2.add(v128.shuffle<f64>(d0, d1, 0, 2), v128.shuffle<f64>(d0, d1, 1, 3));
        v128.store(ROW + (<usize>j << 3), f64x2.mul(sums, v128.load(WINDOW_INV + (<usize>j << 3))));
      }
      for (; j < nb; ++j) store<f64>(ROW + (<usize>j << 3), prefixWindowSum(prefix, t, n0 + j) * load<f64>(WINDOW_INV + (<usize>j << 3)));
    } else {
      for (let j = 0; j < nb; ++j) {
        const w = load<f64>(WINDOW_N + (<usize>j << 3));
        store<f64>(ROW + (<usize>j << 3), run >= w ? prefixWindowSum(prefix, t, <i32>w) * load<f64>(WINDOW_INV + (<usize>j << 3)) : NaN);
      }
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
}
