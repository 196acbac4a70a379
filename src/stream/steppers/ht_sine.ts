// cycle.ht_sine, stepped: sin(DC phase) and sin(DC phase + 45°) (native/cycle/ht_sine.h).
import { DC_PHASE, DEG2RAD, hilbertStepper, put, updatePhase } from './hilbert.js';
import { sin } from './fdlibm.js';
import type { Stepper, StepperContext } from './types.js';

export default function htSine(ctx: StepperContext): Stepper {
  return hilbertStepper(ctx, {
    warmup: 34,
    lookback: 63,
    bar(s, o, _x, rows, v0, v1) {
      updatePhase(s, o);
      const dcPhase = s[o + DC_PHASE]!;
      put(rows, 0, v0, v1, sin(dcPhase * DEG2RAD));
      put(rows, 1, v0, v1, sin((dcPhase + 45) * DEG2RAD));
    },
  });
}
