// structure.max, stepped: the highest of the last `window` values of a
// source, from a ring of the kernel's sparse-table levels (extremeValues).
import type { Stepper, StepperContext } from './types.js';
import { extremeValues } from './extremes.js';

export default function max(ctx: StepperContext): Stepper {
  return extremeValues(ctx, ['max']);
}
