// momentum.rocp, stepped: native/momentum/rocp.h, a lag stepper (lag.ts).
import type { Stepper, StepperContext } from './types.js';
import { lagged } from './lag.js';

export default function rocp(ctx: StepperContext): Stepper {
  return lagged(ctx, 'change', 1.0);
}
