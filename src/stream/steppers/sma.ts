// ma.sma, stepped: per source, the running prefix pair of the batch kernel
// (prefixSums in native/primitives.h) and a ring of the last maxWindow + 1
// pairs, shared by every window of that source; a window's value is
// prefixWindowSum(...) * (1 / window), as SmaLanes::at computes it.
import { paramOf, ringStepper, type Stepper, type StepperContext } from './types.js';
import { prefixStep, prefixWindowSum } from './primitives.js';

/** State of one source run: [hi, lo, run, pos, ring of (hi, lo) pairs]. */
export default function sma(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  const n = Int32Array.from(window);
  const inv = window.map((w) => 1.0 / w);
  return ringStepper(ctx, {
    head: 2,
    width: 2,
    need: n,  // valid bars ending here (t - lastGap[t]) >= window
    back: n,  // the pair of bar t - window, the prefix before the window
    fill(state, at, slot, x) {
      prefixStep(state, at, x);
      state[slot] = state[at]!;
      state[slot + 1] = state[at + 1]!;
    },
    value(v, _x, state, slot, past) {
      return prefixWindowSum(state[slot]!, state[slot + 1]!, state[past]!, state[past + 1]!) * inv[v]!;
    },
  });
}
