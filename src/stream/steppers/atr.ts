// volatility.atr, stepped: averageTrueRange in native/volatility/common.h.
// Once per bar, the true range from the previous close (and the age of the
// current run of valid bars); per variant, Wilder's average of true ranges,
// seeded with the in-order mean of the first `window` of them (from the
// run's second bar), or with the first bar's high - low for seed 'first'.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { natrValue, SEED_FIRST, trueRange, wilderStep } from './primitives.js';

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
        out[v] = !valid ? NaN : normalized ? natrValue(state[v]!, close) : state[v]!;
      }
    },
  };
}

/**
 * One bar of the ATR at s[at] (a sum while seeding): `age` bars into the run
 * of valid bars, tr the bar's true range (unused at age 0), firstRange its
 * high - low. Returns whether the ATR has a value at this bar.
 */
export function atrStep(s: Float64Array, at: number, age: number, tr: number, firstRange: number, n: number, seedFirst: boolean): boolean {
  if (seedFirst) {
    s[at] = age === 0 ? firstRange : wilderStep(s[at]!, tr, n);
    return true;
  }
  if (age === 0) {
    s[at] = 0.0;
    return false;
  }
  if (age <= n) {
    // sumRange(ranges, s + 1, n) / n: the seed.
    s[at] = s[at]! + tr;
    if (age < n) return false;
    s[at] = s[at]! / n;
    return true;
  }
  s[at] = wilderStep(s[at]!, tr, n);
  return true;
}

export default function atr(ctx: StepperContext): Stepper {
  return averageTrueRange(ctx, false);
}
