// momentum.cci, stepped: cciAt in native/momentum/cci.h over the last
// typical prices (H + L + C) / 3, summed in the slot order of TA-Lib's
// circular buffer: from the bar a multiple of `window` bars into the run up
// to now, then the older ones; both runs are contiguous in the stepper's
// ring. O(window) per bar, as the kernel. Batches run the kernel with its
// state (per variant [lead, age], kCciState in native/momentum/cci.h): the
// call's first lead = longest window - 1 bars are the stream's last bars
// (KernelStateMap.streamKeepsTail), so every window is in the call, and the
// run's age places TA-Lib's slots.
import { leadKernelState, longestOf, paramOf, type Stepper, type StepperContext } from './types.js';
import { ZERO_DENOMINATOR_NAN } from './primitives.js';
import { lastValuesStepper } from './windows.js';

export default function cci(ctx: StepperContext): Stepper {
  const window = paramOf(ctx, 'window');
  const zero = paramOf(ctx, 'zero_denominator');
  const stepper = lastValuesStepper(ctx, {
    inputs: ['high', 'low', 'close'],
    series: 1,
    back: window.map((w) => w - 1),
    fill(xs, into) {
      into[0] = (xs[0]! + xs[1]! + xs[2]!) / 3.0;
    },
    values(s, r, rows) {
      // Indexes as int32 (a double loop index costs a conversion per value read); a run past 2^31 bars takes the double remainder.
      const out = rows[0]!, e = r.end[0]! | 0, run = r.run, age = run - 1, small = run <= 0x7fffffff;
      for (let v = r.v0; v < r.v1; v++) {
        const n = window[v]!;
        if (run < n) {
          out[v] = NaN;
          continue;
        }
        // Slot 0 of TA-Lib's buffer holds the value at e - k0; the window starts at e - n + 1.
        const k0 = small ? (age | 0) % (n | 0) : age % n;
        const slot0 = (e - k0) | 0, first = (e - n + 1) | 0;
        let sum = 0.0;
        for (let i = slot0; i <= e; i++) sum += s[i]!;
        for (let i = first; i < slot0; i++) sum += s[i]!;
        const mean = sum / n;
        let dev = 0.0;
        for (let i = slot0; i <= e; i++) dev += Math.abs(s[i]! - mean);
        for (let i = first; i < slot0; i++) dev += Math.abs(s[i]! - mean);
        const diff = s[e]! - mean;
        if (dev === 0.0) out[v] = zero[v] === ZERO_DENOMINATOR_NAN ? NaN : 0.0;
        else out[v] = diff !== 0.0 ? diff / (0.015 * (dev / n)) : 0.0;
      }
    },
  });
  // One source run (high, low, close): its count of valid bars is the state's first number.
  const state = stepper.state;
  return {
    ...stepper,
    kernel: leadKernelState(window.length, 0, Math.max(longestOf(window) - 1, 0), () => state[0]!, {
      save() {},
      load(_from, bars, columns) {
        stepper.skip(columns, 0, bars);
      },
      streamKeepsTail: true,
    }),
  };
}
