// pattern.mat_hold, stepped: native/pattern/mat_hold.h, TA-Lib CDLMATHOLD.
// A long white candle, a small black one gapping up, two small reaction
// candles held within the first body (penetrating it by less than
// `penetration` of its length), and a white candle closing above the
// reaction highs: +100. (The kernel keeps the totals per block of variants;
// every copy sums the same ranges in the same order, so one shared set gives
// the same bits.)
import { BODY_LONG, BODY_SHORT, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 14,
  // bodyLong4, bodyShortD: the totals judging bar i - D
  totals: { bodyLong4: [BODY_LONG, 4], bodyShort3: [BODY_SHORT, 3], bodyShort2: [BODY_SHORT, 2], bodyShort1: [BODY_SHORT, 1] },
  value(k, i, { totals: { bodyLong4, bodyShort3, bodyShort2, bodyShort1 }, penetration }) {
    const shape = k.body(i - 4) > bodyLong4.average(i) &&
                  k.body(i - 3) < bodyShort3.average(i) &&
                  k.body(i - 2) < bodyShort2.average(i) &&
                  k.body(i - 1) < bodyShort1.average(i) &&
                  k.color(i - 4) === 1 && k.color(i - 3) === -1 && k.color(i) === 1 &&
                  k.bodyGapUp(i - 3, i - 4) &&
                  k.bodyBottom(i - 2) < k.close(i - 4) && k.bodyBottom(i - 1) < k.close(i - 4) &&
                  k.bodyTop(i - 2) < k.open(i - 3) && k.bodyTop(i - 1) < k.bodyTop(i - 2) &&
                  k.open(i) > k.close(i - 1) &&
                  k.close(i) > Math.max(Math.max(k.high(i - 3), k.high(i - 2)), k.high(i - 1));
    const deepest = k.close(i - 4) - k.body(i - 4) * penetration;
    return shape && k.bodyBottom(i - 2) > deepest && k.bodyBottom(i - 1) > deepest ? 100.0 : 0.0;
  },
});
