// structure.minindex, stepped: TA-Lib MININDEX's path-dependent bar of the
// window's lowest value (extremeIndexes).
import type { Stepper, StepperContext } from './types.js';
import { extremeIndexes } from './extremes.js';

export default function minindex(ctx: StepperContext): Stepper {
  return extremeIndexes(ctx, 0, -1);
}
