// volatility.natr, stepped: volatility.atr's average as a percentage of the
// close (averageTrueRange(..., normalized) in native/volatility/common.h).
import type { Stepper, StepperContext } from './types.js';
import { averageTrueRange } from './atr.js';

export default function natr(ctx: StepperContext): Stepper {
  return averageTrueRange(ctx, true);
}
