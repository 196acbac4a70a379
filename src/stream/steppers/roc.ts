// momentum.roc, stepped: native/momentum/roc.h, a lag stepper (lag.ts).
import type { Stepper, StepperContext } from './types.js';
import { lagged } from './lag.js';

export default function roc(ctx: StepperContext): Stepper {
  return lagged(ctx, 'change', 100.0);
}
