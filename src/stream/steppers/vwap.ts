// volume.vwap, stepped: native/volume/vwap.h, the rolling VWAP, typical
// price * volume summed over the window per unit of the volume summed over
// it (perVolume in native/volume/common.h, flows.ts).
import type { Stepper, StepperContext } from './types.js';
import { perVolumeOf, typicalPrice } from './flows.js';

export default function vwap(ctx: StepperContext): Stepper {
  return perVolumeOf(ctx, (high, low, close, volume) => typicalPrice(high, low, close) * volume);
}
