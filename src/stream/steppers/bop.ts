// momentum.bop, stepped: native/momentum/bop.h, (close - open) / (high -
// low), 0 when the range is below 1e-14, NaN on an invalid bar. No state.
import { lastBarsPrelude, type Stepper, type StepperContext } from './types.js';

export default function bop(ctx: StepperContext): Stepper {
  const [o, h, l, c] = (['open', 'high', 'low', 'close'] as const).map((s) => ctx.sourceIndex(s));
  const stepper: Stepper = {
    state: new Float64Array(0),
    step(bar, rows) {
      const open = bar[o!]!, high = bar[h!]!, low = bar[l!]!, close = bar[c!]!;
      const range = high - low;
      const valid = open === open && high === high && low === low && close === close;
      rows[0]?.fill(!valid ? NaN : range < 1e-14 ? 0.0 : (close - open) / range);
    },
  };
  // Each bar alone: batches take the kernel, without a prelude.
  return { ...stepper, prelude: lastBarsPrelude(stepper, 1) };
}
