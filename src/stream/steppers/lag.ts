// momentum.mom, roc, rocp, rocr, rocr100, stepped: lagged() and rate() in
// native/momentum/common.h. Per source, the count of valid bars ending here
// and a ring of the last maxWindow + 1 values and their scales (unit / x, 0
// at x = 0, taken once per bar as rate() takes them once per call), shared
// by every window of that source; a window's value is lagValue(x[t],
// x[t-n], scale[t-n]), NaN with zero_denominator 'nan' where x[t-n] is 0
// (blankZeroPast).
import { longestOf, paramOf, ringPrelude, ringStepper, type RingHooks, type Stepper, type StepperContext } from './types.js';
import { lagValue, ZERO_DENOMINATOR_NAN, type LagKind } from './primitives.js';

/** A lag stepper of kind `kind`; `unit` scales the rates (unused by 'difference'). State per source run: [run, pos, ring of (x, scale) pairs]. */
export function lagged(ctx: StepperContext, kind: LagKind, unit: number): Stepper {
  const n = Int32Array.from(paramOf(ctx, 'window'));
  const blank = kind === 'difference' ? null : paramOf(ctx, 'zero_denominator').map((z) => (z === ZERO_DENOMINATOR_NAN ? 1 : 0));
  const fill: RingHooks['fill'] = (state, _at, slot, x) => {
    state[slot] = x;
    state[slot + 1] = x !== 0.0 ? unit / x : 0.0;
  };
  const stepper = ringStepper(ctx, {
    head: 0,
    width: 2,
    need: n.map((w) => w + 1),  // bars t - window .. t valid
    back: n,
    fill,
    value(v, x, state, _slot, past) {
      const p = state[past]!;
      return blank && blank[v] === 1 && p === 0.0 ? NaN : lagValue(kind, x, p, state[past + 1]!);
    },
  });
  // x[t] against x[t - window] (and its scale, taken afresh from it): batches take the kernel over a prelude.
  return { ...stepper, prelude: ringPrelude(stepper, { head: 0, width: 2, fill }, 0, longestOf(n) + 1) };
}
