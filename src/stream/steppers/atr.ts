// volatility.atr, stepped: averageTrueRange in native/volatility/common.h.
// Once per bar, the true range from the previous close (and the age of the
// current run of valid bars); per variant, Wilder's average of true ranges,
// seeded with the in-order mean of the first `window` of them (from the
// run's second bar), or with the first bar's high - low for seed 'first'.
import { ownThenSharedKernelState, paramOf, type Stepper, type StepperContext } from './types.js';
import { natrValue, SEED_FIRST, trueRange } from './primitives.js';
import { atrStep } from './wilder.js';

/** ATR, or (normalized) NATR: the ATR as a percentage of the close. */
export function averageTrueRange(ctx: StepperContext, normalized: boolean): Stepper {
  const window = paramOf(ctx, 'window');
  const seed = paramOf(ctx, 'seed');
  const V = ctx.grid.variants;
  const [h, l, c] = (['high', 'low', 'close'] as const).map((s) => ctx.sourceIndex(s));
  // One average (a sum while seeding) per variant, then (previous close, age of the run; -1 after a NaN bar).
  const state = new Float64Array(V + 2);
  state[V + 1] = -1;
  return {
    state,
    step(bar, rows) {
      const out = rows[0]!;
      const high = bar[h!]!, low = bar[l!]!, close = bar[c!]!;
      if (high !== high || low !== low || close !== close) {
        state[V + 1] = -1;
        out.fill(NaN);
        return;
      }
      const age = state[V + 1]! + 1;
      const tr = age > 0 ? trueRange(high, low, state[V]!) : 0;
      state[V] = close;
      state[V + 1] = age;
      const range = high - low;
      for (let v = 0; v < V; v++) {
        const valid = atrStep(state, v, age, tr, range, window[v]!, seed[v] === SEED_FIRST);
        // A row's NaN as a store of its own: a select of NaN and a value was boxed per variant (chains.ts).
        // NATR is NaN at a zero close.
        if (!valid || (normalized && close === 0.0)) out[v] = NaN;
        else if (normalized) out[v] = natrValue(state[v]!, close);
        else out[v] = state[v]!;
      }
    },
    // The kernel's state (kAtrState in native/volatility/common.h): per variant its average, the previous close and the age.
    kernel: ownThenSharedKernelState(state, V, 1, 2),
  };
}

export default function atr(ctx: StepperContext): Stepper {
  return averageTrueRange(ctx, false);
}
