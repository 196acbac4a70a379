// pattern.conceal_baby_swallow, stepped: native/pattern/conceal_baby_swallow.h,
// TA-Lib CDLCONCEALBABYSWALL. Two black marubozu, a black candle gapping
// down with an upper shadow into the second, a fourth black candle
// engulfing it, shadows included: +100.
import { SHADOW_VERY_SHORT, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 13,
  totals: { shortShadow3: [SHADOW_VERY_SHORT, 3], shortShadow2: [SHADOW_VERY_SHORT, 2], shortShadow1: [SHADOW_VERY_SHORT, 1] },
  value(k, i, { totals: { shortShadow3, shortShadow2, shortShadow1 } }) {
    const hit = k.color(i - 3) === -1 && k.color(i - 2) === -1 && k.color(i - 1) === -1 && k.color(i) === -1 &&
                k.lowerShadow(i - 3) < shortShadow3.average(i) &&
                k.upperShadow(i - 3) < shortShadow3.average(i) &&
                k.lowerShadow(i - 2) < shortShadow2.average(i) &&
                k.upperShadow(i - 2) < shortShadow2.average(i) &&
                k.bodyGapDown(i - 1, i - 2) &&
                k.upperShadow(i - 1) > shortShadow1.average(i) &&
                k.high(i - 1) > k.close(i - 2) &&
                k.high(i) > k.high(i - 1) && k.low(i) < k.low(i - 1);
    return hit ? 100.0 : 0.0;
  },
});
