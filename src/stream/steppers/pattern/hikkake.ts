// pattern.hikkake, stepped: native/pattern/hikkake.h, TA-Lib CDLHIKKAKE. An
// inside bar, then a breakout with a lower high and low (+100) or a higher
// high and low (-100); a close beyond the inside bar within three bars
// confirms it (+200 / -200). The state at the first output comes from the
// three bars before it, as in TA-Lib.
import { patternStepper, type Candles } from '../patterns.js';

/** The Confirmation's locals: TA-Lib's patternIdx and patternResult. */
export const CONFIRMATION_LOCALS = 2;

/** Confirmation(origin): patternIdx at the run's first bar (bar 0, TA-Lib's index 0), no pattern yet. */
export function startConfirmation(locals: Float64Array): void {
  locals[0] = 0;
  locals[1] = 0;
}

/**
 * Confirmation::step: the value at bar i, `pattern` +1 / -1 on a bullish /
 * bearish pattern bar, else 0; a confirmation sends patternIdx back to the
 * run's first bar.
 */
export function confirm(k: Candles, i: number, pattern: number, locals: Float64Array): number {
  if (pattern !== 0) {
    locals[1] = 100 * pattern;
    locals[0] = i;
    return locals[1]!;
  }
  const idx = locals[0]!, result = locals[1]!;
  if (i <= idx + 3 && ((result > 0 && k.close(i) > k.high(idx - 1)) || (result < 0 && k.close(i) < k.low(idx - 1)))) {
    locals[0] = 0;
    return result + 100 * (result > 0 ? 1 : -1);
  }
  return 0.0;
}

/** +1 / -1 when bar i breaks down / up out of the inside bar i - 1, else 0. */
function patternAt(k: Candles, i: number): number {
  const hit = k.high(i - 1) < k.high(i - 2) && k.low(i - 1) > k.low(i - 2) &&
              ((k.high(i) < k.high(i - 1) && k.low(i) < k.low(i - 1)) ||
               (k.high(i) > k.high(i - 1) && k.low(i) > k.low(i - 1)));
  return hit ? (k.high(i) < k.high(i - 1) ? 1 : -1) : 0;
}

export default patternStepper({
  lookback: 5,
  locals: CONFIRMATION_LOCALS,
  start(k, first, { locals }) {
    startConfirmation(locals);
    for (let i = first - 3; i < first; i++) confirm(k, i, patternAt(k, i), locals);
  },
  value: (k, i, { locals }) => confirm(k, i, patternAt(k, i), locals),
});
