// pattern.hikkake_mod, stepped: native/pattern/hikkake_mod.h, TA-Lib
// CDLHIKKAKEMOD. Two nested inside bars, the first closing near its low
// (bullish) or high (bearish), then a breakout (+100 / -100), confirmed
// within three bars (+200 / -200) as pattern.hikkake. The Near total is a
// local of the kernel's scan, rolled from three bars before the first
// output: locals [patternIdx, patternResult, near].
import { NEAR, patternStepper, type Candles } from '../patterns.js';
import { CONFIRMATION_LOCALS, confirm, startConfirmation } from './hikkake.js';

const NEAR_AT = CONFIRMATION_LOCALS;

/** +1 / -1 at a bullish / bearish breakout bar i, else 0; `near` is the Near total judging bar i - 2. */
function patternAt(k: Candles, i: number, near: number): number {
  const hit = k.high(i - 2) < k.high(i - 3) && k.low(i - 2) > k.low(i - 3) &&
              k.high(i - 1) < k.high(i - 2) && k.low(i - 1) > k.low(i - 2) &&
              ((k.high(i) < k.high(i - 1) && k.low(i) < k.low(i - 1) &&
                k.close(i - 2) <= k.low(i - 2) + k.average(NEAR, near, i - 2)) ||
               (k.high(i) > k.high(i - 1) && k.low(i) > k.low(i - 1) &&
                k.close(i - 2) >= k.high(i - 2) - k.average(NEAR, near, i - 2)));
  return hit ? (k.high(i) < k.high(i - 1) ? 1 : -1) : 0;
}

/** One bar of the scan: its value, then the Near total moved on. */
function scanBar(k: Candles, i: number, locals: Float64Array): number {
  const v = confirm(k, i, patternAt(k, i, locals[NEAR_AT]!), locals);
  locals[NEAR_AT] = k.roll(NEAR, locals[NEAR_AT]!, i - 2);
  return v;
}

export default patternStepper({
  lookback: 10,
  locals: CONFIRMATION_LOCALS + 1,
  start(k, first, { locals }) {
    startConfirmation(locals);
    locals[NEAR_AT] = k.total(NEAR, first - 5);
    for (let i = first - 3; i < first; i++) scanBar(k, i, locals);
  },
  value: (k, i, { locals }) => scanBar(k, i, locals),
});
