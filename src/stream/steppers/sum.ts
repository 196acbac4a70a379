// structure.sum, stepped: native/structure/sum.h, TA-Lib SUM as the window
// sums of the compensated prefix pairs (prefixSums, prefixWindowSum):
// ma.sma's stepper without its division. Per source, the running pair and a
// ring of the last maxWindow + 1 pairs, shared by every window.
import { paramOf, ringStepper, type Stepper, type StepperContext } from './types.js';
import { prefixStep, prefixWindowSum } from './primitives.js';

export default function sum(ctx: StepperContext): Stepper {
  const n = Int32Array.from(paramOf(ctx, 'window'));
  return ringStepper(ctx, {
    head: 2,
    width: 2,
    need: n,  // the window holds no gap
    back: n,  // the pair before the window
    fill(state, at, slot, x) {
      prefixStep(state, at, x);
      state[slot] = state[at]!;
      state[slot + 1] = state[at + 1]!;
    },
    value(_v, _x, state, slot, past) {
      return prefixWindowSum(state[slot]!, state[slot + 1]!, state[past]!, state[past + 1]!);
    },
  });
}
