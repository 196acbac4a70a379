// ma.ema, stepped: per variant, the SeededAverage of the batch kernel
// (emaChain<Ema> in native/ma/common.h): seeded with the mean of the first
// `window` values (seed 'sma') or the first value (seed 'first'), then
// TA-Lib's EMA step; a NaN bar resets it (forEachSegment).
import type { OutputArray } from '../../backends/types.js';
import { lastNaN, paramOf, type Stepper, type StepperContext } from './types.js';
import { SEED_FIRST, seededAverageRun, seededAverageStep } from './primitives.js';

/** Bars per block of stepMany(). */
const BLOCK = 256;

/** A stepper of one SeededAverage per variant: EMA (k = 2/(n+1)) or, `wilder`, Wilder's smoothing (ma.rma). */
export function seededAverages(ctx: StepperContext, wilder: boolean): Stepper {
  const window = paramOf(ctx, 'window');
  const seed = paramOf(ctx, 'seed');
  const V = ctx.grid.variants;
  const k = window.map((n) => 2.0 / (n + 1.0));
  const period = window.map((n, v) => (seed[v] === SEED_FIRST ? 1 : n));
  const src = new Int32Array(V);
  const runs = ctx.runs.map((r) => ({ v0: r.v0, v1: r.v1, src: ctx.sourceIndex(r.sources.source!) }));
  for (const r of runs) src.fill(r.src, r.v0, r.v1);
  const state = new Float64Array(2 * V);  // (value, count) per variant
  /** One bar x into the variants [v0, v1) of a source, variant v's value at out[o + v] (out null: none). */
  const advance = (x: number, v0: number, v1: number, out: OutputArray | null, o: number): void => {
    if (x !== x) {
      state.fill(0, 2 * v0, 2 * v1);
      out?.fill(NaN, o + v0, o + v1);
      return;
    }
    for (let v = v0; v < v1; v++) {
      const y = seededAverageStep(state, 2 * v, x, period[v]!, k[v]!, window[v]!, wilder);
      if (out) out[o + v] = y;
    }
  };
  return {
    state,
    step(bar, rows) {
      for (const r of runs) advance(bar[r.src]!, r.v0, r.v1, rows[0]!, 0);
    },
    // Variant by variant over blocks of bars (every variant is independent):
    // seededAverageRun keeps the variant's numbers in locals, and the
    // block's rows stay in cache.
    stepMany(columns, from, to, outputs) {
      const out = outputs[0] ?? null;
      for (const r of runs) {
        const col = columns[r.src]!;
        for (let i0 = from; i0 < to; i0 += BLOCK) {
          const i1 = Math.min(to, i0 + BLOCK);
          for (let v = r.v0; v < r.v1; v++) seededAverageRun(state, 2 * v, col, i0, i1, period[v]!, k[v]!, window[v]!, wilder, out, (i0 - from) * V + v, V);
        }
      }
    },
    // The kernel's state is this one (kAverageState in native/ma/common.h):
    // (value, count) per variant, the running sum while seeding, (0, 0)
    // after a NaN bar.
    kernel: {
      perVariant: 2,
      length: 2 * V,
      save: (into) => into.set(state),
      load: (from) => state.set(from),
    },
    // A seeded average's state is its last value (the kernel's float64 row)
    // and the count it stops at, `period`; a variant still seeding (or NaN
    // because its window is longer than the bars) steps its run again.
    resumeNeedsRows: true,
    resume(columns, last64) {
      const row = last64![0]!;
      const n = columns[0]?.length ?? 0;
      const lastGap = columns.map((col) => lastNaN(col, 0, n));
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
