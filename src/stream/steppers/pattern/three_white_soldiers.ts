// pattern.three_white_soldiers, stepped: native/pattern/three_white_soldiers.h,
// TA-Lib CDL3WHITESOLDIERS. Three white candles with very short upper shadows
// and rising closes, each opening within or near the previous body, none far
// shorter than the one before, the last not short: +100.
import { BODY_SHORT, FAR, NEAR, SHADOW_VERY_SHORT, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 12,
  totals: {
    shortShadow2: [SHADOW_VERY_SHORT, 2], shortShadow1: [SHADOW_VERY_SHORT, 1], shortShadow0: [SHADOW_VERY_SHORT, 0],
    near2: [NEAR, 2], near1: [NEAR, 1], far2: [FAR, 2], far1: [FAR, 1], bodyShort: [BODY_SHORT, 0],
  },
  value(k, i, { totals: { shortShadow2, shortShadow1, shortShadow0, near2, near1, far2, far1, bodyShort } }) {
    const hit = k.color(i - 2) === 1 && k.upperShadow(i - 2) < shortShadow2.average(i) &&
                k.color(i - 1) === 1 && k.upperShadow(i - 1) < shortShadow1.average(i) &&
                k.color(i) === 1 && k.upperShadow(i) < shortShadow0.average(i) &&
                k.close(i) > k.close(i - 1) && k.close(i - 1) > k.close(i - 2) &&
                k.open(i - 1) > k.open(i - 2) && k.open(i - 1) <= k.close(i - 2) + near2.average(i) &&
                k.open(i) > k.open(i - 1) && k.open(i) <= k.close(i - 1) + near1.average(i) &&
                k.body(i - 1) > k.body(i - 2) - far2.average(i) &&
                k.body(i) > k.body(i - 1) - far1.average(i) &&
                k.body(i) > bodyShort.average(i);
    return hit ? 100.0 : 0.0;
  },
});
