// ma.ema, stepped: per variant, the SeededAverage of the batch kernel
// (emaChain<Ema> in native/ma/common.h): seeded with the mean of the first
// `window` values (seed 'sma') or the first value (seed 'first'), then
// TA-Lib's EMA step; a NaN bar resets it (forEachSegment).
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { SEED_FIRST, seededAverageStep } from './primitives.js';

/** A stepper of one SeededAverage per variant: EMA (k = 2/(n+1)) or, `wilder`, Wilder's smoothing (ma.rma). */
export function seededAverages(ctx: StepperContext, wilder: boolean): Stepper {
  const window = paramOf(ctx, 'window');
  const seed = paramOf(ctx, 'seed');
  const V = ctx.grid.variants;
  const k = window.map((n) => 2.0 / (n + 1.0));
  const period = window.map((n, v) => (seed[v] === SEED_FIRST ? 1 : n));
  const src = new Int32Array(V);
  for (const r of ctx.runs) src.fill(ctx.sourceIndex(r.sources.source!), r.v0, r.v1);
  const state = new Float64Array(2 * V);  // (value, count) per variant
  return {
    state,
    step(bar, rows) {
      const out = rows[0]!;
      for (let v = 0; v < V; v++) {
        const x = bar[src[v]!]!;
        if (x !== x) {
          state[2 * v] = 0.0;
          state[2 * v + 1] = 0;
          out[v] = NaN;
          continue;
        }
        out[v] = seededAverageStep(state, 2 * v, x, period[v]!, k[v]!, window[v]!, wilder);
      }
    },
    // A seeded average's state is its last value (the kernel's float64 row)
    // and the count it stops at, `period`; a variant still seeding (or NaN
    // because its window is longer than the bars) steps its run again.
    resumeNeedsRows: true,
    resume(columns, last64) {
      const row = last64![0]!;
      const n = columns[0]?.length ?? 0;
      const lastGap = columns.map((col) => {
        let g = n - 1;
        while (g >= 0 && col[g] === col[g]) g--;
        return g;
      });
      for (let v = 0; v < V; v++) {
        const col = columns[src[v]!]!, g = lastGap[src[v]!]!;
        state[2 * v] = 0.0;
        state[2 * v + 1] = 0;
        if (g === n - 1) continue;
        const x = row[v]!;
        if (x === x) {
          state[2 * v] = x;
          state[2 * v + 1] = period[v]!;
          continue;
        }
        for (let i = g + 1; i < n; i++) seededAverageStep(state, 2 * v, col[i]!, period[v]!, k[v]!, window[v]!, wilder);
      }
    },
  };
}

export default function ema(ctx: StepperContext): Stepper {
  return seededAverages(ctx, false);
}
