// pattern.takuri, stepped: native/pattern/takuri.h, TA-Lib CDLTAKURI. A
// dragonfly doji with a very short upper shadow and a very long lower one: +100.
import { BODY_DOJI, SHADOW_VERY_LONG, SHADOW_VERY_SHORT, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 10,
  totals: { doji: [BODY_DOJI, 0], shortShadow: [SHADOW_VERY_SHORT, 0] },
  value(k, i, { totals: { doji, shortShadow } }) {
    // ShadowVeryLong has period 0: its average is twice the bar's own body, its total unused.
    const hit = k.body(i) <= doji.average(i) &&
                k.upperShadow(i) < shortShadow.average(i) &&
                k.lowerShadow(i) > k.average(SHADOW_VERY_LONG, 0.0, i);
    return hit ? 100.0 : 0.0;
  },
});
