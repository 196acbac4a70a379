// trend.chandelier_exit, stepped: native/trend/chandelier_exit.h. One
// channel of the highest high and lowest low over the last maxWindow bars,
// the previous close; per (window, seed), the ATR of volatility.atr
// (atrStep: seeded with the mean of the first `window` true ranges, or the
// first bar's high - low for seed 'first') and the channel's window, shared
// by the variants that differ in `mult` only. long = upper - mult * ATR,
// short = lower + mult * ATR, from bar `window` of a run of valid bars (high,
// low, close), or bar window - 1 (the first full channel) for seed 'first'.
// Batches run the kernel with its state (chandelierKernelState).
import { leadKernelState, longestOf, paramOf, type KernelStateMap, type Stepper, type StepperContext } from './types.js';
import { SEED_FIRST, trueRange } from './primitives.js';
import { atrStep } from './wilder.js';
import { type Channel, priceChannel } from './extremes.js';

export default function chandelierExit(ctx: StepperContext): Stepper {
  const mult = paramOf(ctx, 'mult');
  const seed = paramOf(ctx, 'seed');
  const V = ctx.grid.variants;
  const { window, level, back, h, l, c, layout, ch } = priceChannel(ctx, 'window', true);
  // The (window, seed) groups, in the order of their first variant.
  const groupOf = new Int32Array(V), first: number[] = [], keys = new Map<string, number>();
  for (let v = 0; v < V; v++) {
    const key = `${window[v]}:${seed[v]}`;
    if (!keys.has(key)) {
      keys.set(key, first.length);
      first.push(v);
    }
    groupOf[v] = keys.get(key)!;
  }
  const G = first.length;
  const prevClose = layout.take(1), atr = layout.take(G);
  const state = new Float64Array(layout.size);
  // Per group at this bar: whether its ATR and channel have a value, the highest, the lowest.
  const valid = new Uint8Array(G), upper = new Float64Array(G), lower = new Float64Array(G);
  return {
    state,
    kernel: chandelierKernelState(state, ch, { h, l, c, prevClose, atr }, window, groupOf, first),
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
      for (let g = 0; g < G; g++) {
        const v = first[g]!, n = window[v]!;
        // The kernel seeds the 'sma' ATR with sumRange at its first value: the same in-order sum as atrStep's.
        valid[g] = atrStep(state, atr + g, age, tr, high - low, n, seed[v] === SEED_FIRST) && run >= n ? 1 : 0;
        if (!valid[g]) continue;
        upper[g] = ch.upper(state, level[v]!, back[v]!);
        lower[g] = ch.lower(state, level[v]!, back[v]!);
      }
      for (let v = 0; v < V; v++) {
        const g = groupOf[v]!;
        let long = NaN, short = NaN;
        if (valid[g]) {
          const band = mult[v]! * state[atr + g]!;
          long = upper[g]! - band;
          short = lower[g]! + band;
        }
        if (longOut) longOut[v] = long;
        if (shortOut) shortOut[v] = short;
      }
    },
  };
}

/**
 * The kernel state (native/trend/chandelier_exit.h), per variant: [lead,
 * age, ATR] (the ATR of the variant's (window, seed) group: its seeding sum
 * while it seeds). The call's first `lead` bars (the longest window - 1, at
 * least 1) are the stream's last bars (streamKeepsTail) so the kernel reads
 * every channel's window and the first true range from the call; load() steps the channel
 * over the bars it holds (Channel.skip) and takes the last valid close.
 */
function chandelierKernelState(
  state: Float64Array, ch: Channel, at: { h: number; l: number; c: number; prevClose: number; atr: number },
  window: Float64Array, groupOf: Int32Array, first: readonly number[],
): KernelStateMap {
  return leadKernelState(window.length, 1, Math.max(longestOf(window) - 1, 1), () => ch.run(state), {
    save(v, into, to) {
      into[to] = state[at.atr + groupOf[v]!]!;
    },
    load(from, bars, columns) {
      ch.skip(state, columns, 0, bars);
      first.forEach((v, g) => { state[at.atr + g] = from[3 * v + 2]!; });
      // The previous close: the last bar of a run (high, low and close numbers), if the batch has one.
      const [high, low, close] = [columns[at.h]!, columns[at.l]!, columns[at.c]!];
      for (let i = bars - 1; i >= 0; i--) {
        if (high[i] === high[i] && low[i] === low[i] && close[i] === close[i]) {
          state[at.prevClose] = close[i]!;
          break;
        }
      }
    },
    streamKeepsTail: true,
  });
}
