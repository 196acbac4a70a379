// pattern.dark_cloud_cover, stepped: native/pattern/dark_cloud_cover.h,
// TA-Lib CDLDARKCLOUDCOVER. A long white candle, then a black one opening
// above its high and closing more than `penetration` of its body below its
// close: -100. (The kernel keeps the total per variant; every copy sums the
// same ranges in the same order, so one shared total gives the same bits.)
import { BODY_LONG, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 11,
  totals: { bodyLong: [BODY_LONG, 1] },
  value(k, i, { totals: { bodyLong }, penetration }) {
    const hit = k.color(i - 1) === 1 && k.body(i - 1) > bodyLong.average(i) &&
                k.color(i) === -1 && k.open(i) > k.high(i - 1) && k.close(i) > k.open(i - 1) &&
                k.close(i) < k.close(i - 1) - k.body(i - 1) * penetration;
    return hit ? -100.0 : 0.0;
  },
});
