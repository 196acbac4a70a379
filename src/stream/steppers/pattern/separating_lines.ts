// pattern.separating_lines, stepped: native/pattern/separating_lines.h,
// TA-Lib CDLSEPARATINGLINES. A candle, then one of the opposite colour
// opening at about the same price with a long body and almost no shadow on
// its opening side: +100 white second candle, -100 black.
import { BODY_LONG, EQUAL, SHADOW_VERY_SHORT, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 11,
  totals: { shortShadow: [SHADOW_VERY_SHORT, 0], bodyLong: [BODY_LONG, 0], equal: [EQUAL, 1] },
  value(k, i, { totals: { shortShadow, bodyLong, equal } }) {
    const same = equal.average(i);
    const shadow = shortShadow.average(i);
    const hit = k.color(i - 1) === -k.color(i) &&
                k.open(i) <= k.open(i - 1) + same && k.open(i) >= k.open(i - 1) - same &&
                k.body(i) > bodyLong.average(i) &&
                ((k.color(i) === 1 && k.lowerShadow(i) < shadow) || (k.color(i) === -1 && k.upperShadow(i) < shadow));
    return hit ? k.color(i) * 100.0 : 0.0;
  },
});
