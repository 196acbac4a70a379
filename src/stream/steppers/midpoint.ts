// structure.midpoint, stepped: (highest + lowest) / 2 of the last `window`
// values of a source (extremeValues).
import type { Stepper, StepperContext } from './types.js';
import { extremeValues } from './extremes.js';

export default function midpoint(ctx: StepperContext): Stepper {
  return extremeValues(ctx, ['mid']);
}
