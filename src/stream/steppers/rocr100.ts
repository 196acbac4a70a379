// momentum.rocr100, stepped: native/momentum/rocr100.h, a lag stepper (lag.ts).
import type { Stepper, StepperContext } from './types.js';
import { lagged } from './lag.js';

export default function rocr100(ctx: StepperContext): Stepper {
  return lagged(ctx, 'ratio', 100.0);
}
