// volatility.bbands_percent_b, stepped for matype 'sma' (spread<kPercentB> in
// native/volatility/common.h): (deviation + dev) / (dev + dev), NaN where the bands meet.
import type { Stepper, StepperContext } from './types.js';
import { bandsStepper } from './moments.js';

export default function bbandsPercentB(ctx: StepperContext): Stepper | null {
  return bandsStepper(ctx, 'percent_b');
}
