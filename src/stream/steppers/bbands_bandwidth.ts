// volatility.bbands_bandwidth, stepped for matype 'sma' (spread<kBandwidth>
// in native/volatility/common.h): (upper - lower) / mid, NaN at a zero mid.
import type { Stepper, StepperContext } from './types.js';
import { bandsStepper } from './moments.js';

export default function bbandsBandwidth(ctx: StepperContext): Stepper | null {
  return bandsStepper(ctx, 'bandwidth');
}
