// cycle.ht_dcphase, stepped: the DC phase over the last smoothed prices (native/cycle/ht_dcphase.h).
import { DC_PHASE, hilbertStepper, put, updatePhase } from './hilbert.js';
import type { Stepper, StepperContext } from './types.js';

export default function htDcphase(ctx: StepperContext): Stepper {
  return hilbertStepper(ctx, {
    warmup: 34,
    lookback: 63,
    bar(s, o, _x, rows, v0, v1) {
      updatePhase(s, o);
      put(rows, 0, v0, v1, s[o + DC_PHASE]!);
    },
  });
}
