// ma.kama, stepped: native/ma/kama.h. Per source, the compensated prefix
// pair of |Δx| (prefixSums over the differences, NaN at a run's first bar),
// the last two values and a ring of the last maxWindow + 1 bars' (x, pair),
// shared by every window; per variant the average, started from x[t-1] on
// the bar with `window` differences behind it, then stepped with
// kamaConstant of the change over the window and its path length.
import { paramOf, ringStepper, type Stepper, type StepperContext } from './types.js';
import { emaStep, prefixStep, prefixWindowSum } from './primitives.js';
import { kamaConstant } from './matypes.js';

/** Head per source run: [path hi, path lo, last x]; slots (x, path hi, path lo, x[t-1]); then the average per variant. */
export default function kama(ctx: StepperContext): Stepper {
  const n = Int32Array.from(paramOf(ctx, 'window'));
  return ringStepper(ctx, {
    head: 3,
    width: 4,
    need: n.map((w) => w + 1),  // `window` valid differences ending here
    back: n,
    own: 1,
    fill(state, at, slot, x) {
      // |Δx| is NaN on a run's first bar (state[at + 3], the run, already counts this bar).
      const before = state[at + 2]!;
      prefixStep(state, at, state[at + 3]! >= 2 ? Math.abs(x - before) : NaN);
      state[at + 2] = x;
      state[slot] = x;
      state[slot + 1] = state[at]!;
      state[slot + 2] = state[at + 1]!;
      state[slot + 3] = before;
    },
    value(v, x, state, slot, past, run, own) {
      if (run === n[v]! + 1) state[own] = state[slot + 3]!;  // KamaLanes::warm: start from x[t-1]
      const path = prefixWindowSum(state[slot + 1]!, state[slot + 2]!, state[past + 1]!, state[past + 2]!);
      const y = emaStep(state[own]!, x, kamaConstant(x - state[past]!, path));
      state[own] = y;
      return y;
    },
  });
}
