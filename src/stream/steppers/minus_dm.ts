// momentum.minus_dm, stepped: momentum.plus_dm's running sum of the one-bar
// -DM (directionalMovement<false> in native/momentum/common.h).
import type { Stepper, StepperContext } from './types.js';
import { directionalMovement } from './plus_dm.js';

export default function minusDm(ctx: StepperContext): Stepper {
  return directionalMovement(ctx, false);
}
