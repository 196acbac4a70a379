// momentum.trix, stepped: native/momentum/trix.h, TA-Lib's one-bar ROC of
// EMA(EMA(EMA(x))), each EMA seeded with the in-order mean of the first
// `window` values of its input (seed 'first': its first input), from the
// third EMA's second value on; zero_denominator decides a zero E3[t-1]
// (emaChain in chains.ts).
import type { Stepper, StepperContext } from './types.js';
import { emaChain } from './chains.js';

export default function trix(ctx: StepperContext): Stepper {
  return emaChain(ctx, 'trix');
}
