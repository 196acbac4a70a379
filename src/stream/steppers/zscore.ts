// structure.zscore, stepped: deviation / sqrt(variance), NaN on a flat window
// (native/structure/zscore.h), from the moments blocks of moments.ts.
import type { Stepper, StepperContext } from './types.js';
import { momentsStepper } from './moments.js';

export default function zscore(ctx: StepperContext): Stepper {
  return momentsStepper(ctx, { row: 'zscore' });
}
