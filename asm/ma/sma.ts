// ma.sma; mirrors native/ma/sma.h: one prefix-sum pass per call serves every
// window of the block, a row of the block per bar.
import { at, Call, putRow, ROW, rowAt } from "../abi";
import { prefixWindowSum } from "../primitives";
import { loadWindowLanes, prepareSourcePrefix, sourceLastGap, sourcePrefix, sourcePrefixScratch, WINDOW_INV, WINDOW_N } from "./common";

// W: the longest window, the pairs a call with state starts from.
export function scratch(T: i32, W: i32): f64 { return sourcePrefixScratch(T, max(W, 1)); }

export function prepare(c: Call): i32 { return prepareSourcePrefix(c); }

export function block<O>(c: Call, b0: i32, nb: i32): void { windowSumsBlock<O>(c, b0, nb, true); }

// The block's window sums, times 1/n when `means` (ma.sma), else as they are
// (structure.sum: a product by 1 is exact).
export function windowSumsBlock<O>(c: Call, b0: i32, nb: i32, means: bool): void {
  const prefix = sourcePrefix(c), lastGap = sourceLastGap(c);
  const lanes = loadWindowLanes(c, 0, b0, nb);
  if (!means) for (let j = 0; j < nb; ++j) store<f64>(WINDOW_INV + (<usize>j << 3), 1.0);
  const n0 = <i32>load<f64>(WINDOW_N);
  for (let t = 0; t < c.T; ++t) {
    const run = <f64>t - at(lastGap, t);
    // Multiply by 1/n, as native/ma/sma.h does (within one ulp of TA-Lib's divide).
    if (run >= lanes.longest && lanes.consecutive && c.variantStride == 1) {
      // Stored as computed, four windows per step (SmaLanes::steadyRow):
      // no round trip through ROW.
      const p = rowAt<O>(c, 0, t, b0);
      if (p == 0) continue;
      const head = v128.load(prefix + (<usize>(t + 1) << 4));
      let j = 0;
      for (; j + 4 <= nb; j += 4) {
        const lo = windowPairMean(head, prefix, t, n0 + j, j), hi = windowPairMean(head, prefix, t, n0 + j + 2, j + 2);
        if (sizeof<O>() == 4) {
          v128.store(p + (<usize>j << 2), v128.shuffle<i32>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5));
        } else {
          v128.store(p + (<usize>j << 3), lo);
          v128.store(p + (<usize>j << 3), hi, 16);
        }
      }
      for (; j < nb; ++j) store<O>(p + <usize>j * sizeof<O>(), <O>(prefixWindowSum(prefix, t, n0 + j) * load<f64>(WINDOW_INV + (<usize>j << 3))));
      continue;
    }
    for (let j = 0; j < nb; ++j) {
      const w = load<f64>(WINDOW_N + (<usize>j << 3));
      store<f64>(ROW + (<usize>j << 3), run >= w ? prefixWindowSum(prefix, t, <i32>w) * load<f64>(WINDOW_INV + (<usize>j << 3)) : NaN);
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
}

// The means of windows n and n + 1 ending at bar t, lanes j and j + 1: a
// prefix entry is a (sum, rounding error) pair, one v128 (prefixSums in
// asm/primitives.ts), so each sum is (Δsum) + (Δerror) as prefixWindowSum
// computes it.
@inline function windowPairMean(head: v128, prefix: usize, t: i32, n: i32, j: i32): v128 {
  const d0 = f64x2.sub(head, v128.load(prefix + (<usize>(t + 1 - n) << 4)));
  const d1 = f64x2.sub(head, v128.load(prefix + (<usize>(t - n) << 4)));
  const sums = f64x2.add(v128.shuffle<f64>(d0, d1, 0, 2), v128.shuffle<f64>(d0, d1, 1, 3));
  return f64x2.mul(sums, v128.load(WINDOW_INV + (<usize>j << 3)));
}
