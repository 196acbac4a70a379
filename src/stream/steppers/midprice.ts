// structure.midprice, stepped: (highest high + lowest low) / 2 of the last
// `window` bars (extremeValues over high and low).
import type { Stepper, StepperContext } from './types.js';
import { extremeValues } from './extremes.js';

export default function midprice(ctx: StepperContext): Stepper {
  return extremeValues(ctx, ['mid']);
}
