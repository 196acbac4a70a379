// trend.keltner, stepped: native/trend/keltner.h. Once per bar, the typical
// price and the true range from the previous close of the run; per
// variant, a SeededAverage (EMA) of the typical price, the middle band,
// and TA-Lib's ATR (atrStep), the bands middle +- mult * ATR; seed 'first'
// starts both on the run's first bar.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { SEED_FIRST, seededAverageStep } from './primitives.js';
import { atrStep, ownThenHlcKernelState, ownThenHlcRun, runTrueRange } from './wilder.js';

/** Numbers per variant: the EMA's (value, count), the ATR. */
const OWN = 3;

export default function keltner(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window'), mult = paramOf(ctx, 'mult');
  const first = paramOf(ctx, 'seed').map((s) => (s === SEED_FIRST ? 1 : 0));
  const k = window.map((n) => 2.0 / (n + 1.0));
  const period = window.map((n, v) => (first[v] ? 1 : n));  // bars into the EMA's seed
  const V = ctx.grid.variants;
  const { state, run } = ownThenHlcRun(ctx, OWN * V);
  return {
    state,
    step(bar, rows) {
      const age = run.advanceOrBlank(bar, rows);
      if (age < 0) return;
      const high = run.now[0]!, low = run.now[1]!, close = run.now[2]!;
      const tr = runTrueRange(age, high, low, run.prev[2]!);
      const typical = (high + low + close) / 3.0;
      const [middle, upper, lower] = rows;
      for (let v = 0; v < V; v++) {
        const a = OWN * v;
        if (age === 0) {
          state[a] = 0.0;
          state[a + 1] = 0;
        }
        const mid = seededAverageStep(state, a, typical, period[v]!, k[v]!, window[v]!, false);
        const banded = atrStep(state, a + 2, age, tr, high - low, window[v]!, first[v] === 1);
        if (middle) middle[v] = mid;
        const band = mult[v]! * state[a + 2]!;
        // Separate stores of NaN (a `banded ? value : NaN` select was boxed: chains.ts).
        if (banded) {
          if (upper) upper[v] = mid + band;
          if (lower) lower[v] = mid - band;
        } else {
          if (upper) upper[v] = NaN;
          if (lower) lower[v] = NaN;
        }
      }
    },
    // The kernel's state (native/trend/keltner.h): per variant these three numbers, then the run's age and last high, low and close.
    kernel: ownThenHlcKernelState(state, V, OWN),
  };
}
