// ma.t3, stepped: TA-Lib T3, six stages k·x + (1 − k)·e weighted by c1..c4 of vfactor
// (emaChain in native/ma/common.h, chains.ts).
import type { Stepper, StepperContext } from './types.js';
import { emaChain } from './chains.js';

export default function t3(ctx: StepperContext): Stepper {
  return emaChain(ctx, 't3');
}
