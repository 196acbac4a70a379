// momentum.cmo, stepped: momentum.rsi's Wilder averages of gains and losses
// (gainLoss in native/momentum/common.h, rsi.ts), valued as TA-Lib's CMO:
// 100 * (gain - loss) / (gain + loss), 0 where the sum is ~0.
import type { Stepper, StepperContext } from './types.js';
import { nearZero } from './primitives.js';
import { gainLoss } from './rsi.js';

export default function cmo(ctx: StepperContext): Stepper {
  return gainLoss(ctx, (gain, loss) => {
    const sum = gain + loss;
    return nearZero(sum) ? 0.0 : 100.0 * ((gain - loss) / sum);
  });
}
