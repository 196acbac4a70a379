// ma.rma, stepped: ma.ema's per-variant SeededAverage with Wilder's step
// (emaChain<Rma> in native/ma/common.h).
import type { Stepper, StepperContext } from './types.js';
import { seededAverages } from './ema.js';

export default function rma(ctx: StepperContext): Stepper {
  return seededAverages(ctx, true);
}
