// trend.donchian, stepped: native/trend/donchian.h. One channel of the
// highest high and lowest low over the last maxWindow bars; per variant, its
// window's upper, lower and (upper + lower) / 2 from the window's first full
// bar of a run of valid bars (high and low).
import { resumeBySources, type Stepper, type StepperContext } from './types.js';
import { channelPrelude, priceChannel } from './extremes.js';

export default function donchian(ctx: StepperContext): Stepper {
  const { window, level, back, layout, ch, longest } = priceChannel(ctx, 'window', false, true);
  const state = new Float64Array(layout.size);
  return {
    state,
    prelude: channelPrelude(state, [ch], longest),
    step(bar, rows) {
      const run = ch.advance(state, bar);
      const [upper, lower, mid] = rows;
      if (!upper && !lower && !mid) return;
      for (let v = 0; v < ctx.grid.variants; v++) {
        let u = NaN, d = NaN;
        if (run >= window[v]!) {
          u = ch.upper(state, level[v]!, back[v]!);
          d = ch.lower(state, level[v]!, back[v]!);
        }
        if (upper) upper[v] = u;
        if (lower) lower[v] = d;
        if (mid) mid[v] = (u + d) / 2.0;
      }
    },
    resume: resumeBySources,
  };
}
