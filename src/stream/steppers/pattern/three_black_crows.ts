// pattern.three_black_crows, stepped: native/pattern/three_black_crows.h,
// TA-Lib CDL3BLACKCROWS. After a white candle, three black ones with very
// short lower shadows, each opening inside the previous body and closing
// lower, the first closing under the white's high: -100.
import { SHADOW_VERY_SHORT, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 13,
  // shortShadowD: the ShadowVeryShort total judging bar i - D
  totals: { shortShadow2: [SHADOW_VERY_SHORT, 2], shortShadow1: [SHADOW_VERY_SHORT, 1], shortShadow0: [SHADOW_VERY_SHORT, 0] },
  value(k, i, { totals: { shortShadow2, shortShadow1, shortShadow0 } }) {
    const hit = k.color(i - 3) === 1 &&
                k.color(i - 2) === -1 && k.lowerShadow(i - 2) < shortShadow2.average(i) &&
                k.color(i - 1) === -1 && k.lowerShadow(i - 1) < shortShadow1.average(i) &&
                k.color(i) === -1 && k.lowerShadow(i) < shortShadow0.average(i) &&
                k.open(i - 1) < k.open(i - 2) && k.open(i - 1) > k.close(i - 2) &&
                k.open(i) < k.open(i - 1) && k.open(i) > k.close(i - 1) &&
                k.high(i - 3) > k.close(i - 2) && k.close(i - 2) > k.close(i - 1) && k.close(i - 1) > k.close(i);
    return hit ? -100.0 : 0.0;
  },
});
