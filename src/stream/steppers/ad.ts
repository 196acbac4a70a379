// volume.ad, stepped: adLine in native/volume/common.h, the running sum of
// money-flow volume from 0 at the start of each run of valid bars (high,
// low, close, volume). State: the sum, NaN after an invalid bar.
import { sameInEveryVariant, type Stepper, type StepperContext } from './types.js';
import { moneyFlowVolume } from './primitives.js';

export default function ad(ctx: StepperContext): Stepper {
  const [h, l, c, vol] = (['high', 'low', 'close', 'volume'] as const).map((s) => ctx.sourceIndex(s));
  const state = new Float64Array([NaN]);
  return {
    state,
    step(bar, rows) {
      const high = bar[h!]!, low = bar[l!]!, close = bar[c!]!, volume = bar[vol!]!;
      let sum = NaN;
      if (high === high && low === low && close === close && volume === volume) {
        sum = state[0]!;
        if (sum !== sum) sum = 0.0;
        sum += moneyFlowVolume(high, low, close, volume);
      }
      state[0] = sum;
      rows[0]?.fill(sum);
    },
    // The kernel's state is this one, per variant (native/volume/ad.h; every variant the same).
    kernel: sameInEveryVariant(state, ctx.grid.variants),
  };
}
