// volatility.stddev, stepped: taStddev(variance) * nbdev (spread<kStddev> in
// native/volatility/common.h), from the moments blocks of moments.ts.
import { paramOf, type Stepper, type StepperContext } from './types.js';
import { momentsStepper, taStddev } from './moments.js';

export default function stddev(ctx: StepperContext): Stepper {
  const nbdev = paramOf(ctx, 'nbdev');
  return momentsStepper(ctx, (m, v, w, rows) => {
    rows[0]![v] = taStddev(m.variance(w)) * nbdev[v]!;
  });
}
