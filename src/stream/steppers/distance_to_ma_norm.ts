// structure.distance_to_ma_norm, stepped: native/structure/
// distance_to_ma_norm.h. Per source run, the run of valid source, high, low
// and close with the previous close; per variant the EMA of the source (a
// SeededAverage: the mean of the first `window` values, or the first value
// for seed 'first') and TA-Lib's ATR (atrStep), (x - EMA) / ATR from the
// ATR's first bar on, NaN where the ATR is 0.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { SEED_FIRST, seededAverageStep } from './primitives.js';
import { atrStep, BarRun, inputIndices, ownThenBarRunKernelState, runTrueRange } from './wilder.js';
import { Layout } from './extremes.js';

export default function distanceToMaNorm(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window'), seed = paramOf(ctx, 'seed');
  const V = ctx.grid.variants;
  const k = window.map((n) => 2.0 / (n + 1.0));
  // Per variant (EMA value, count, ATR), then per source run its BarRun.
  const layout = new Layout();
  layout.take(3 * V);
  const runs = ctx.runs.map((r) => ({ v0: r.v0, v1: r.v1, at: layout.take(BarRun.size(4)), inputs: inputIndices(ctx, [r.sources.source!, 'high', 'low', 'close']) }));
  const state = new Float64Array(layout.size);
  const bars = runs.map((r) => new BarRun(state, r.at, r.inputs));
  return {
    state,
    // The kernel's state (native/structure/distance_to_ma_norm.h): per variant these three numbers, then its run's age and last bar.
    kernel: ownThenBarRunKernelState(state, 3, 4, runs),
    step(bar, rows) {
      const out = rows[0];
      // By index, without a closure or destructuring: both made garbage every push.
      for (let i = 0; i < runs.length; i++) {
        const r = runs[i]!, run = bars[i]!, age = run.advance(bar);
        if (age < 0) {
          out?.fill(NaN, r.v0, r.v1);
          continue;
        }
        const now = run.now, x = now[0]!, high = now[1]!, low = now[2]!;
        const tr = runTrueRange(age, high, low, run.prev[3]!);
        for (let v = r.v0; v < r.v1; v++) {
          const a = 3 * v, first = seed[v] === SEED_FIRST, n = window[v]!;
          if (age === 0) state.fill(0.0, a, a + 2);
          seededAverageStep(state, a, x, first ? 1 : n, k[v]!, n, false);
          const ready = atrStep(state, a + 2, age, tr, high - low, n, first);
          if (!out) continue;
          // A row's NaN as a store of its own: a select of NaN and a value was boxed per variant (chains.ts).
          const atr = state[a + 2]!;
          if (ready && atr !== 0.0) out[v] = (x - state[a]!) / atr;
          else out[v] = NaN;
        }
      }
    },
  };
}
