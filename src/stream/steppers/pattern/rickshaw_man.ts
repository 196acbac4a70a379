// pattern.rickshaw_man, stepped: native/pattern/rickshaw_man.h, TA-Lib
// CDLRICKSHAWMAN. A doji with two long shadows whose body lies near the
// middle of its high-low range: +100.
import { BODY_DOJI, NEAR, SHADOW_LONG, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 10,
  totals: { doji: [BODY_DOJI, 0], near: [NEAR, 0] },
  value(k, i, { totals: { doji, near } }) {
    // ShadowLong has period 0: its average is the bar's own body, its total unused.
    const longShadow = k.average(SHADOW_LONG, 0.0, i);
    const nearMid = near.average(i);
    const hit = k.body(i) <= doji.average(i) &&
                k.lowerShadow(i) > longShadow && k.upperShadow(i) > longShadow &&
                k.bodyBottom(i) <= k.low(i) + k.highLow(i) / 2.0 + nearMid &&
                k.bodyTop(i) >= k.low(i) + k.highLow(i) / 2.0 - nearMid;
    return hit ? 100.0 : 0.0;
  },
});
