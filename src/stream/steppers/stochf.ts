// momentum.stochf, stepped for fastd_matype 'sma' (the default): fast %K and
// its running mean %D (stochastic.ts).
import type { Stepper, StepperContext } from './types.js';
import { stochastic } from './stochastic.js';

export default function stochf(ctx: StepperContext): Stepper | null {
  return stochastic(ctx, null, ['fastd_matype']);
}
