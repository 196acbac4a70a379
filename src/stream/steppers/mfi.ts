// volume.mfi, stepped: native/volume/mfi.h. A bar's flow, typical price *
// volume, is positive when the typical price rose from the previous bar and
// negative when it fell, so it needs both bars valid; per window, 100 *
// positive / (positive + negative), 0 below a sum of 1 (NaN with
// zero_denominator 'nan'). Run state: (previous bar valid, its typical price).
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { ZERO_DENOMINATOR_NAN } from './primitives.js';
import { hlcvRun, typicalPrice, windowSums } from './flows.js';

export default function mfi(ctx: StepperContext): Stepper {
  const zero = paramOf(ctx, 'zero_denominator').map((z) => (z === ZERO_DENOMINATOR_NAN ? NaN : 0.0));
  return windowSums(ctx, hlcvRun(ctx), {
    head: 2,
    terms(bar, cols, state, at, t) {
      const high = bar[cols[0]!]!, low = bar[cols[1]!]!, close = bar[cols[2]!]!, volume = bar[cols[3]!]!;
      const valid = high === high && low === low && close === close && volume === volume;
      const tp = typicalPrice(high, low, close), prevTp = state[at + 1]!;
      if (valid && state[at] === 1) {
        const flow = tp * volume;
        t[0] = tp > prevTp ? flow : 0.0;
        t[1] = tp < prevTp ? flow : 0.0;
      } else {
        t[0] = t[1] = NaN;
      }
      state[at] = valid ? 1 : 0;
      state[at + 1] = tp;
    },
    value(v, up, down) {
      const sum = up + down;
      return sum < 1.0 ? zero[v]! : 100.0 * (up / sum);
    },
    windowRatio: true,
  });
}
