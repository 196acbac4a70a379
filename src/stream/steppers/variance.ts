// volatility.variance, stepped: RollingMoments::variance (spread<kVariance> in
// native/volatility/common.h), from the moments blocks of moments.ts.
import type { Stepper, StepperContext } from './types.js';
import { momentsStepper } from './moments.js';

export default function variance(ctx: StepperContext): Stepper {
  return momentsStepper(ctx, { row: 'variance' });
}
