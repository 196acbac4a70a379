// momentum.macd, stepped: emaSpread with SpreadStyle{macd, signal} in
// native/momentum/common.h (chains.ts). As TA-Lib, the fast EMA starts
// slow - fast bars into the run (seeded on the slow EMA's first bar), and
// all three outputs start on the signal's first bar; seed 'first' starts
// every EMA on the run's first bar.
import type { Stepper, StepperContext } from './types.js';
import { emaDifference, emaSpread } from './chains.js';

export default function macd(ctx: StepperContext): Stepper | null {
  return emaSpread(ctx, { macd: true, signal: true, line: emaDifference });
}
