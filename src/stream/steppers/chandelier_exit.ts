// trend.chandelier_exit, stepped: native/trend/chandelier_exit.h. One
// channel of the highest high and lowest low over the last maxWindow bars,
// the previous close; per variant, the ATR of volatility.atr (atrStep: seeded
// with the mean of the first `window` true ranges, or the first bar's
// high - low for seed 'first'). long = upper - mult * ATR, short = lower +
// mult * ATR, from bar `window` of a run of valid bars (high, low, close), or
// bar window - 1 (the first full channel) for seed 'first'.
import { paramOf, resumeBySources, type Stepper, type StepperContext } from './types.js';
import { SEED_FIRST, trueRange } from './primitives.js';
import { atrStep } from './wilder.js';
import { priceChannel } from './extremes.js';

export default function chandelierExit(ctx: StepperContext): Stepper {
  const mult = paramOf(ctx, 'mult');
  const seed = paramOf(ctx, 'seed');
  const V = ctx.grid.variants;
  const { window, level, back, h, l, c, layout, ch } = priceChannel(ctx, 'window', true);
  const prevClose = layout.take(1), atr = layout.take(V);
  const state = new Float64Array(layout.size);
  return {
    state,
    step(bar, rows) {
      const run = ch.advance(state, bar);
      const [longOut, shortOut] = rows;
      if (run === 0) {
        longOut?.fill(NaN);
        shortOut?.fill(NaN);
        return;
      }
      const high = bar[h]!, low = bar[l]!, age = run - 1;
      const tr = age > 0 ? trueRange(high, low, state[prevClose]!) : 0;
      state[prevClose] = bar[c]!;
      for (let v = 0; v < V; v++) {
        const n = window[v]!, first = seed[v] === SEED_FIRST;
        // The kernel seeds the 'sma' ATR with sumRange at its first value: the same in-order sum as atrStep's.
        const valid = atrStep(state, atr + v, age, tr, high - low, n, first);
        let long = NaN, short = NaN;
        if (valid && run >= n) {
          const band = mult[v]! * state[atr + v]!;
          long = ch.upper(state, level[v]!, back[v]!) - band;
          short = ch.lower(state, level[v]!, back[v]!) + band;
        }
        if (longOut) longOut[v] = long;
        if (shortOut) shortOut[v] = short;
      }
    },
    resume: resumeBySources,
  };
}
