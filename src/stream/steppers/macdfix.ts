// momentum.macdfix, stepped: momentum.macd over 12 and 26 bars with TA-Lib's
// fixed factors 0.15 and 0.075 (emaSpread with SpreadStyle{macd, signal,
// fixed} in native/momentum/common.h, chains.ts).
import type { Stepper, StepperContext } from './types.js';
import { emaDifference, emaSpread } from './chains.js';

export default function macdfix(ctx: StepperContext): Stepper | null {
  return emaSpread(ctx, { macd: true, signal: true, fixed: true, line: emaDifference });
}
