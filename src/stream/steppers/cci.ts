// momentum.cci, stepped: cciAt in native/momentum/cci.h over the ring of the
// last typical prices (H + L + C) / 3, summed in the slot order of TA-Lib's
// circular buffer (from the bar a multiple of `window` bars into the run, up
// to now, then the older ones). O(window) per bar, as the kernel.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { ZERO_DENOMINATOR_NAN } from './primitives.js';
import { windowStepper, type WindowRing } from './windows.js';

/** slotOrderSum of the values (abs: of |value - mean|) of the last n bars, the run's age being run - 1 bars. */
function slotOrderSum(ring: WindowRing, n: number, abs: boolean, mean: number): number {
  const k0 = (ring.run - 1) % n;  // bars back to slot 0
  let sum = 0.0;
  for (let k = k0; k >= 0; k--) sum += abs ? Math.abs(ring.get(k) - mean) : ring.get(k);
  for (let k = n - 1; k > k0; k--) sum += abs ? Math.abs(ring.get(k) - mean) : ring.get(k);
  return sum;
}

export default function cci(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  const zero = paramOf(ctx, 'zero_denominator');
  return windowStepper(ctx, {
    inputs: ['high', 'low', 'close'],
    width: 1,
    back: window.map((w) => w - 1),
    fill(s, slot, xs) {
      s[slot] = (xs[0]! + xs[1]! + xs[2]!) / 3.0;
    },
    value(v, ring, rows) {
      const n = window[v]!;
      if (ring.run < n) {
        rows[0]![v] = NaN;
        return;
      }
      const mean = slotOrderSum(ring, n, false, 0) / n;
      const dev = slotOrderSum(ring, n, true, mean);
      const diff = ring.get(0) - mean;
      if (dev === 0.0) rows[0]![v] = zero[v] === ZERO_DENOMINATOR_NAN ? NaN : 0.0;
      else rows[0]![v] = diff !== 0.0 ? diff / (0.015 * (dev / n)) : 0.0;
    },
  });
}
