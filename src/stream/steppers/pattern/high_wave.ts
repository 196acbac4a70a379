// pattern.high_wave, stepped: native/pattern/high_wave.h, TA-Lib
// CDLHIGHWAVE. A short body with both shadows very long: +100 white, -100
// black.
import { BODY_SHORT, SHADOW_VERY_LONG, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 10,
  totals: { bodyShort: [BODY_SHORT, 0], shadowVeryLong: [SHADOW_VERY_LONG, 0] },
  value(k, i, { totals: { bodyShort, shadowVeryLong } }) {
    const hit = k.body(i) < bodyShort.average(i) &&
                k.upperShadow(i) > shadowVeryLong.average(i) &&
                k.lowerShadow(i) > shadowVeryLong.average(i);
    return hit ? k.color(i) * 100.0 : 0.0;
  },
});
