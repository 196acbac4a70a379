// structure.minmaxindex, stepped: MININDEX and MAXINDEX as its two outputs
// (extremeIndexes).
import type { Stepper, StepperContext } from './types.js';
import { extremeIndexes } from './extremes.js';

export default function minmaxindex(ctx: StepperContext): Stepper {
  return extremeIndexes(ctx, 0, 1);
}
