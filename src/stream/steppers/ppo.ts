// momentum.ppo, stepped for matype 'ema' (emaSpread in
// native/momentum/common.h, chains.ts): momentum.apo's EMAs as a percentage
// of the slow one (0 where it is ~0, NaN at that bar with zero_denominator
// 'nan'), a signal EMA of that line and the histogram. Another matype's
// variants take TA_MA lanes (spreadsByType; maSpread's values).
import type { Stepper, StepperContext } from './types.js';
import { emaPercent, emaSpread } from './chains.js';

export default function ppo(ctx: StepperContext): Stepper | null {
  return emaSpread(ctx, { macd: false, signal: true, line: emaPercent });
}
