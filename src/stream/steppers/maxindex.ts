// structure.maxindex, stepped: TA-Lib MAXINDEX's path-dependent bar of the
// window's highest value (extremeIndexes).
import type { Stepper, StepperContext } from './types.js';
import { extremeIndexes } from './extremes.js';

export default function maxindex(ctx: StepperContext): Stepper {
  return extremeIndexes(ctx, -1, 0);
}
