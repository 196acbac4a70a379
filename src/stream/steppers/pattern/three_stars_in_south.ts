// pattern.three_stars_in_south, stepped: native/pattern/three_stars_in_south.h,
// TA-Lib CDL3STARSINSOUTH. Three black candles: a long one with a long lower
// shadow, a smaller one opening above its close and trading lower but not
// below its low, and a small marubozu inside the second one's range: +100.
import { BODY_LONG, BODY_SHORT, SHADOW_LONG, SHADOW_VERY_SHORT, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 12,
  totals: {
    bodyLong: [BODY_LONG, 2], shadowLong: [SHADOW_LONG, 2], shortShadow1: [SHADOW_VERY_SHORT, 1],
    shortShadow0: [SHADOW_VERY_SHORT, 0], bodyShort: [BODY_SHORT, 0],
  },
  value(k, i, { totals: { bodyLong, shadowLong, shortShadow1, shortShadow0, bodyShort } }) {
    const hit = k.color(i - 2) === -1 && k.color(i - 1) === -1 && k.color(i) === -1 &&
                k.body(i - 2) > bodyLong.average(i) &&
                k.lowerShadow(i - 2) > shadowLong.average(i) &&
                k.body(i - 1) < k.body(i - 2) &&
                k.open(i - 1) > k.close(i - 2) && k.open(i - 1) <= k.high(i - 2) &&
                k.low(i - 1) < k.close(i - 2) && k.low(i - 1) >= k.low(i - 2) &&
                k.lowerShadow(i - 1) > shortShadow1.average(i) &&
                k.body(i) < bodyShort.average(i) &&
                k.lowerShadow(i) < shortShadow0.average(i) &&
                k.upperShadow(i) < shortShadow0.average(i) &&
                k.low(i) > k.low(i - 1) && k.high(i) < k.high(i - 1);
    return hit ? 100.0 : 0.0;
  },
});
