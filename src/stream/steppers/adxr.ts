// trend.adxr, stepped: directionalSystem<true> in native/trend/common.h,
// trend.adx's ADX with a ring of its last window values per variant.
import type { Stepper, StepperContext } from './types.js';
import { directionalSystem } from './adx.js';

export default function adxr(ctx: StepperContext): Stepper {
  return directionalSystem(ctx, true);
}
