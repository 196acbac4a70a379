// structure.min, stepped: the lowest of the last `window` values of a
// source, from a ring of the kernel's sparse-table levels (extremeValues).
import type { Stepper, StepperContext } from './types.js';
import { extremeValues } from './extremes.js';

export default function min(ctx: StepperContext): Stepper {
  return extremeValues(ctx, ['min']);
}
