// momentum.rocr, stepped: native/momentum/rocr.h, a lag stepper (lag.ts).
import type { Stepper, StepperContext } from './types.js';
import { lagged } from './lag.js';

export default function rocr(ctx: StepperContext): Stepper {
  return lagged(ctx, 'ratio', 1.0);
}
