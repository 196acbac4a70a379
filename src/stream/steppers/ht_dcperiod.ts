// cycle.ht_dcperiod, stepped: the transform's smoothed period (native/cycle/ht_dcperiod.h).
import { hilbertStepper, put, SMOOTH_PERIOD } from './hilbert.js';
import type { Stepper, StepperContext } from './types.js';

export default function htDcperiod(ctx: StepperContext): Stepper {
  return hilbertStepper(ctx, {
    warmup: 9,
    lookback: 32,
    bar(s, o, _x, rows, v0, v1) {
      put(rows, 0, v0, v1, s[o + SMOOTH_PERIOD]!);
    },
  });
}
