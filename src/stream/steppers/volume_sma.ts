// volume.volume_sma, stepped: the ma.sma kernel over the volume column
// (native/volume/volume_sma.h), so ma.sma's stepper over the volume.
import type { Stepper, StepperContext } from './types.js';
import sma from './sma.js';

export default function volumeSma(ctx: StepperContext): Stepper {
  return sma({ ...ctx, runs: ctx.runs.map((r) => ({ ...r, sources: { source: 'volume' } })) });
}
