// volatility.bbands, stepped for matype 'sma' (spread<kBands> in
// native/volatility/common.h): mid = the moments' mean, mid +- mult * stddev.
import type { Stepper, StepperContext } from './types.js';
import { bandsStepper } from './moments.js';

export default function bbands(ctx: StepperContext): Stepper | null {
  return bandsStepper(ctx, 'bands');
}
