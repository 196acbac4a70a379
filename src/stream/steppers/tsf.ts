// structure.tsf, stepped: trend.linreg's line one bar ahead, b + m * n
// (regression<true> in native/trend/linreg.h).
import type { Stepper, StepperContext } from './types.js';
import { regression } from './linreg.js';

export default function tsf(ctx: StepperContext): Stepper {
  return regression(ctx, true);
}
