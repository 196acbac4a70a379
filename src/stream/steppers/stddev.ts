// volatility.stddev, stepped: taStddev(variance) * nbdev (spread<kStddev> in
// native/volatility/common.h), from the moments blocks of moments.ts.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { momentsStepper } from './moments.js';

export default function stddev(ctx: StepperContext): Stepper {
  const nbdev = paramOf(ctx, 'nbdev');
  return momentsStepper(ctx, { row: 'stddev', scale: nbdev });
}
