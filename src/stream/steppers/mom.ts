// momentum.mom, stepped: native/momentum/mom.h, a lag stepper (lag.ts).
import type { Stepper, StepperContext } from './types.js';
import { lagged } from './lag.js';

export default function mom(ctx: StepperContext): Stepper {
  return lagged(ctx, 'difference', 1.0);
}
