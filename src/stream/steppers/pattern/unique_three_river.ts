// pattern.unique_three_river, stepped: native/pattern/unique_three_river.h,
// TA-Lib CDLUNIQUE3RIVER. A long black candle, a black harami-like one with a
// lower low, and a short white one opening above that low: +100.
import { BODY_LONG, BODY_SHORT, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 12,
  totals: { bodyLong: [BODY_LONG, 2], bodyShort: [BODY_SHORT, 0] },
  value(k, i, { totals: { bodyLong, bodyShort } }) {
    const hit = k.body(i - 2) > bodyLong.average(i) && k.color(i - 2) === -1 &&
                k.color(i - 1) === -1 && k.close(i - 1) > k.close(i - 2) && k.open(i - 1) <= k.open(i - 2) &&
                k.low(i - 1) < k.low(i - 2) &&
                k.body(i) < bodyShort.average(i) && k.color(i) === 1 && k.open(i) > k.low(i - 1);
    return hit ? 100.0 : 0.0;
  },
});
