// cycle.ht_phasor, stepped: the transform's I1 and Q1 (native/cycle/ht_phasor.h).
import { hilbertStepper, IN_PHASE, put, QUADRATURE } from './hilbert.js';
import type { Stepper, StepperContext } from './types.js';

export default function htPhasor(ctx: StepperContext): Stepper {
  return hilbertStepper(ctx, {
    warmup: 9,
    lookback: 32,
    bar(s, o, _x, rows, v0, v1) {
      put(rows, 0, v0, v1, s[o + IN_PHASE]!);
      put(rows, 1, v0, v1, s[o + QUADRATURE]!);
    },
  });
}
