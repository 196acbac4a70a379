// pattern.long_legged_doji, stepped: native/pattern/long_legged_doji.h,
// TA-Lib CDLLONGLEGGEDDOJI. A doji with a long upper or lower shadow: +100.
import { BODY_DOJI, SHADOW_LONG, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 10,
  totals: { doji: [BODY_DOJI, 0] },
  value(k, i, { totals: { doji } }) {
    // ShadowLong has period 0: its average is the bar's own body, its total unused.
    const longShadow = k.average(SHADOW_LONG, 0.0, i);
    const hit = k.body(i) <= doji.average(i) && (k.lowerShadow(i) > longShadow || k.upperShadow(i) > longShadow);
    return hit ? 100.0 : 0.0;
  },
});
