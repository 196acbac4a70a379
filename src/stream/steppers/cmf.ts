// volume.cmf, stepped: native/volume/cmf.h, money-flow volume (as TA-Lib
// AD's) summed over the window per unit of the volume summed over it
// (perVolume in native/volume/common.h, flows.ts).
import type { Stepper, StepperContext } from './types.js';
import { moneyFlowVolume } from './primitives.js';
import { perVolumeOf } from './flows.js';

export default function cmf(ctx: StepperContext): Stepper {
  return perVolumeOf(ctx, moneyFlowVolume);
}
