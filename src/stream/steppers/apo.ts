// momentum.apo, stepped for matype 'ema' (emaSpread in
// native/momentum/common.h, chains.ts): the fast and slow EMAs each start on
// the run's first bar, the line from the slow one's first value. Another
// matype's variants take TA_MA lanes (spreadsByType; maSpread's values).
import type { Stepper, StepperContext } from './types.js';
import { emaDifference, emaSpread } from './chains.js';

export default function apo(ctx: StepperContext): Stepper | null {
  return emaSpread(ctx, { macd: false, signal: false, line: emaDifference });
}
