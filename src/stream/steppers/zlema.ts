// ma.zlema, stepped: the EMA of x + (x − x[t − lag]), lag = (window − 1) / 2
// (emaChain in native/ma/common.h, chains.ts).
import type { Stepper, StepperContext } from './types.js';
import { emaChain } from './chains.js';

export default function zlema(ctx: StepperContext): Stepper {
  return emaChain(ctx, 'zlema');
}
