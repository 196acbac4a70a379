// ma.tema, stepped: TA-Lib TEMA, E3 + (3·E1 − 3·E2) over three chained EMAs
// (emaChain in native/ma/common.h, chains.ts).
import type { Stepper, StepperContext } from './types.js';
import { emaChain } from './chains.js';

export default function tema(ctx: StepperContext): Stepper {
  return emaChain(ctx, 'tema');
}
