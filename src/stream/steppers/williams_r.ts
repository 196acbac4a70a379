// momentum.williams_r, stepped: native/momentum/williams_r.h. One channel of
// the highest high and lowest low over the last maxWindow bars (valid bars:
// high, low and close numbers); per variant, TA-Lib WILLR from its window's
// first full bar: (HH - close) / ((HH - LL) / -100), 0 where HH = LL (NaN
// with zero_denominator 'nan').
import { paramOf, resumeBySources, type Stepper, type StepperContext } from './types.js';
import { ZERO_DENOMINATOR_NAN } from './primitives.js';
import { channelPrelude, priceChannel } from './extremes.js';

export default function williamsR(ctx: StepperContext): Stepper {
  const zero = paramOf(ctx, 'zero_denominator');
  const { window, level, back, c, layout, ch, longest } = priceChannel(ctx, 'window', true, true);
  const state = new Float64Array(layout.size);
  return {
    state,
    prelude: channelPrelude(state, [ch], longest),
    step(bar, rows) {
      const run = ch.advance(state, bar);
      const out = rows[0];
      if (!out) return;
      const close = bar[c]!;
      for (let v = 0; v < out.length; v++) {
        if (run < window[v]!) {
          out[v] = NaN;
          continue;
        }
        const hh = ch.upper(state, level[v]!, back[v]!);
        const diff = (hh - ch.lower(state, level[v]!, back[v]!)) / -100.0;
        out[v] = diff !== 0.0 ? (hh - close) / diff : zero[v] === ZERO_DENOMINATOR_NAN ? NaN : 0.0;
      }
    },
    resume: resumeBySources,
  };
}
