// ma.wma, stepped: native/ma/wma.h (WmaLanes::feed in native/ma/common.h).
// Per source, the count of valid bars and a ring of the last maxWindow + 1
// values, shared by every window; per variant, the running sums (sum, sumErr,
// sub, subErr): wmaPrime while the window fills, then wmaNext with the value
// leaving the window (0 until one does), cleared at the start of each run.
import { paramOf, ringStepper, type Stepper, type StepperContext } from './types.js';
import { wmaDivider, wmaNext, wmaPrime } from './primitives.js';

/** State: per source run [run, pos, ring of values], then (sum, sumErr, sub, subErr) per variant. */
export default function wma(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  const n = Int32Array.from(window);
  const divider = window.map(wmaDivider);
  return ringStepper(ctx, {
    head: 0,
    width: 1,
    need: n.map(() => 1),  // every valid bar steps the pair
    back: n,
    own: 4,
    fill(state, _at, slot, x) {
      state[slot] = x;
    },
    value(v, x, state, _slot, past, run, at) {
      const lag = n[v]!;
      if (run === 1) {
        state.fill(0.0, at, at + 4);
      }
      if (run < lag) {
        wmaPrime(state, at, x, run);  // weight i + 1 for the i-th value of the run (from 0)
        return NaN;
      }
      return wmaNext(state, at, x, run > lag ? state[past]! : 0.0, window[v]!, divider[v]!);
    },
  });
}
