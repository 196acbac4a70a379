// pattern.stalled_pattern, stepped: native/pattern/stalled_pattern.h, TA-Lib
// CDLSTALLEDPATTERN. Two long white candles with rising closes, the second
// opening within or near the first body with a very short upper shadow, then
// a small white one opening near the second close: -100.
import { BODY_LONG, BODY_SHORT, NEAR, SHADOW_VERY_SHORT, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 12,
  // bodyLongD, nearD: the totals judging bar i - D
  totals: {
    bodyLong2: [BODY_LONG, 2], bodyLong1: [BODY_LONG, 1], bodyShort: [BODY_SHORT, 0],
    shortShadow: [SHADOW_VERY_SHORT, 1], near2: [NEAR, 2], near1: [NEAR, 1],
  },
  value(k, i, { totals: { bodyLong2, bodyLong1, bodyShort, shortShadow, near2, near1 } }) {
    const hit = k.color(i - 2) === 1 && k.color(i - 1) === 1 && k.color(i) === 1 &&
                k.close(i) > k.close(i - 1) && k.close(i - 1) > k.close(i - 2) &&
                k.body(i - 2) > bodyLong2.average(i) &&
                k.body(i - 1) > bodyLong1.average(i) &&
                k.upperShadow(i - 1) < shortShadow.average(i) &&
                k.open(i - 1) > k.open(i - 2) && k.open(i - 1) <= k.close(i - 2) + near2.average(i) &&
                k.body(i) < bodyShort.average(i) &&
                k.open(i) >= k.close(i - 1) - k.body(i) - near1.average(i);
    return hit ? -100.0 : 0.0;
  },
});
