// ma.dema, stepped: TA-Lib DEMA, 2·E1 − E2 over two chained EMAs
// (emaChain in native/ma/common.h, chains.ts).
import type { Stepper, StepperContext } from './types.js';
import { emaChain } from './chains.js';

export default function dema(ctx: StepperContext): Stepper {
  return emaChain(ctx, 'dema');
}
