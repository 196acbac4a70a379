// momentum.stoch, stepped for slowk_matype and slowd_matype 'sma' (the
// defaults): slow %K and %D as running means (stochastic.ts).
import type { Stepper, StepperContext } from './types.js';
import { stochastic } from './stochastic.js';

export default function stoch(ctx: StepperContext): Stepper | null {
  return stochastic(ctx, 'k_smoothing', ['slowk_matype', 'slowd_matype']);
}
