// trend.aroon, stepped: native/trend/aroon.h. One ArgChannel of the bars of
// the highest high and the lowest low over the windows + 1 bars (ties
// to the most recent bar, as the kernel's RollingArgExtreme); per variant,
// over its window + 1 bars from the run's bar `window` on (valid bars: high
// and low): up and down 100/n * (n - bars since the extreme), osc 100/n *
// (bar of the high - bar of the low).
import { longestOf, paramOf, resumeBySources, type Stepper, type StepperContext } from './types.js';
import { ArgChannel, channelPrelude, extremeLevels, lanesOf, Layout } from './extremes.js';

export default function aroon(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  const span = window.map((n) => n + 1);
  const { level, back } = lanesOf(span);
  const layout = new Layout();
  // Bars since an extreme, not its bar, come out: batches take the kernel over a prelude of the windows' bars.
  const bars = longestOf(span);
  const ch = new ArgChannel(layout, extremeLevels(bars), ctx.sourceIndex('high'), ctx.sourceIndex('low'), bars - 1);
  const state = new Float64Array(layout.size);
  return {
    state,
    prelude: channelPrelude(state, [ch], bars),
    step(bar, rows) {
      const run = ch.advance(state, bar);
      const [up, down, osc] = rows;
      if (!up && !down && !osc) return;
      const t = ch.last(state);
      for (let v = 0; v < window.length; v++) {
        const n = window[v]!;
        if (run < span[v]!) {
          if (up) up[v] = NaN;
          if (down) down[v] = NaN;
          if (osc) osc[v] = NaN;
          continue;
        }
        const hi = ch.highest(state, level[v]!, back[v]!), lo = ch.lowest(state, level[v]!, back[v]!);
        const factor = 100.0 / n;
        if (up) up[v] = factor * (n - (t - hi));
        if (down) down[v] = factor * (n - (t - lo));
        if (osc) osc[v] = factor * (hi - lo);
      }
    },
    resume: resumeBySources,
  };
}
