// pattern.identical_three_crows, stepped: native/pattern/identical_three_crows.h,
// TA-Lib CDLIDENTICAL3CROWS. Three black candles with very short lower
// shadows, falling closes, each opening at about the previous close: -100.
// Totals named by the bar they judge (equal2: bar i - 2).
import { EQUAL, SHADOW_VERY_SHORT, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 12,
  totals: {
    shortShadow2: [SHADOW_VERY_SHORT, 2], shortShadow1: [SHADOW_VERY_SHORT, 1], shortShadow0: [SHADOW_VERY_SHORT, 0],
    equal2: [EQUAL, 2], equal1: [EQUAL, 1],
  },
  value(k, i, { totals: t }) {
    const same2 = t.equal2.average(i), same1 = t.equal1.average(i);
    const hit = k.color(i - 2) === -1 && k.lowerShadow(i - 2) < t.shortShadow2.average(i) &&
                k.color(i - 1) === -1 && k.lowerShadow(i - 1) < t.shortShadow1.average(i) &&
                k.color(i) === -1 && k.lowerShadow(i) < t.shortShadow0.average(i) &&
                k.close(i - 2) > k.close(i - 1) && k.close(i - 1) > k.close(i) &&
                k.open(i - 1) <= k.close(i - 2) + same2 && k.open(i - 1) >= k.close(i - 2) - same2 &&
                k.open(i) <= k.close(i - 1) + same1 && k.open(i) >= k.close(i - 1) - same1;
    return hit ? -100.0 : 0.0;
  },
});
