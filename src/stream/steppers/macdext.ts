// momentum.macdext, stepped for three 'ema' types: native/momentum/macdext.h
// is then momentum.macd (its averages start where MACD's do, chains.ts),
// except that TA-Lib's TA_MA copies the line through for a signal window of
// 1. A grid with another MA type recomputes.
import type { Stepper, StepperContext } from './types.js';
import { emaDifference, emaSpread } from './chains.js';

export default function macdext(ctx: StepperContext): Stepper | null {
  return emaSpread(ctx, { macd: true, signal: true, line: emaDifference, maParams: ['fast_matype', 'slow_matype', 'signal_matype'], copyAtOne: true });
}
