// trend.supertrend, stepped: native/trend/supertrend.h. Once per bar, the
// true range from the previous close of the run and the bar's mid price;
// per variant, TA-Lib's ATR (atrStep), the two bands and the trend: from the
// ATR's first bar (down, the bands at their basic values), each band moves
// against its trend, or resets when the previous close broke it, and the
// trend flips when the close crosses the band on the other side.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { SEED_FIRST } from './primitives.js';
import { atrStep, blankVariant, ownThenHlcKernelState, ownThenHlcRun, runTrueRange } from './wilder.js';

/** Numbers per variant: the ATR, the upper and lower bands, up (1 or 0). */
const OWN = 4;

export default function supertrend(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window'), mult = paramOf(ctx, 'mult');
  const first = paramOf(ctx, 'seed').map((s) => (s === SEED_FIRST ? 1 : 0));
  const V = ctx.grid.variants;
  const { state, run } = ownThenHlcRun(ctx, OWN * V);
  return {
    state,
    // kState of native/trend/supertrend.h: the four per variant, then the run's age and last high, low and close.
    kernel: ownThenHlcKernelState(state, V, OWN),
    step(bar, rows) {
      const age = run.advanceOrBlank(bar, rows);
      if (age < 0) return;
      const high = run.now[0]!, low = run.now[1]!, close = run.now[2]!, prevClose = run.prev[2]!;
      const tr = runTrueRange(age, high, low, prevClose);
      const mid = (high + low) / 2.0;
      const [trend, direction] = rows;
      for (let v = 0; v < V; v++) {
        const a = OWN * v, seedFirst = first[v] === 1;
        if (!atrStep(state, a, age, tr, high - low, window[v]!, seedFirst)) {
          blankVariant(rows, v);
          continue;
        }
        const band = mult[v]! * state[a]!;
        const basicUpper = mid + band, basicLower = mid - band;
        if (age === (seedFirst ? 0 : window[v]!)) {
          state[a + 1] = basicUpper;
          state[a + 2] = basicLower;
          state[a + 3] = 0;
        } else {
          if (basicLower > state[a + 2]! || prevClose < state[a + 2]!) state[a + 2] = basicLower;
          if (basicUpper < state[a + 1]! || prevClose > state[a + 1]!) state[a + 1] = basicUpper;
          state[a + 3] = (state[a + 3] === 1 ? !(close < state[a + 2]!) : close > state[a + 1]!) ? 1 : 0;
        }
        const up = state[a + 3] === 1;
        if (trend) trend[v] = up ? state[a + 2]! : state[a + 1]!;
        if (direction) direction[v] = up ? 1.0 : -1.0;
      }
    },
  };
}
