// structure.minmax, stepped: structure.min and structure.max as its two
// outputs, from one channel per source (extremeValues).
import type { Stepper, StepperContext } from './types.js';
import { extremeValues } from './extremes.js';

export default function minmax(ctx: StepperContext): Stepper {
  return extremeValues(ctx, ['min', 'max']);
}
