// structure.pivots, stepped: native/structure/pivots.h. One channel of the
// highest high and lowest low (RollingRange's levels) read up to the
// longest `right` + 1 bars late; per variant, at bar t the candidate
// p = t - right: a pivot high when high[p] beats the `left` highs before it
// and is not below the `right` highs after it (lows likewise), once the run
// of valid high and low holds left + right + 1 bars. The value is high[p]
// (level 0 of the channel, `right` bars back), NaN elsewhere. No state per
// variant: history steps the channel alone.
import { longestOf, paramOf, resumeBySources, type Stepper, type StepperContext } from './types.js';
import { Channel, channelPrelude, extremeLevels, lanesOf, Layout } from './extremes.js';

export default function pivots(ctx: StepperContext): Stepper {
  const left = paramOf(ctx, 'left'), right = paramOf(ctx, 'right');
  const V = ctx.grid.variants;
  const before = lanesOf(left), after = lanesOf(right);
  const h = ctx.sourceIndex('high'), l = ctx.sourceIndex('low');
  // A variant reads its run's last left + right + 1 bars: batches take the kernel over a prelude of them.
  let bars = 1;
  for (let v = 0; v < V; v++) bars = Math.max(bars, left[v]! + right[v]! + 1);
  const layout = new Layout();
  const ch = new Channel(layout, extremeLevels(Math.max(longestOf(left), longestOf(right))), longestOf(right) + 1, h, l, [h, l], bars - 1);
  const state = new Float64Array(layout.size);
  return {
    state,
    prelude: channelPrelude(state, [ch], bars),
    step(bar, rows) {
      const run = ch.advance(state, bar);
      const [highs, lows] = rows;
      if (!highs && !lows) return;  // resume(): the channel only
      for (let v = 0; v < V; v++) {
        let ph = NaN, pl = NaN;
        const r = right[v]!;
        if (run > left[v]! + r) {
          const high = ch.upper(state, 0, 0, r), low = ch.lower(state, 0, 0, r);
          if (high > ch.upper(state, before.level[v]!, before.back[v]!, r + 1) && high >= ch.upper(state, after.level[v]!, after.back[v]!)) ph = high;
          if (low < ch.lower(state, before.level[v]!, before.back[v]!, r + 1) && low <= ch.lower(state, after.level[v]!, after.back[v]!)) pl = low;
        }
        if (highs) highs[v] = ph;
        if (lows) lows[v] = pl;
      }
    },
    resume: resumeBySources,
  };
}
