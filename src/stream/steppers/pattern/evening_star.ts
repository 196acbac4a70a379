// pattern.evening_star, stepped: native/pattern/evening_star.h, TA-Lib
// CDLEVENINGSTAR. A long white candle, a short one whose body gaps up, a
// black one closing more than `penetration` of the first body into it:
// -100. (The kernel keeps the totals per variant; every copy sums the same
// ranges in the same order, so one shared set gives the same bits.)
import { BODY_LONG, BODY_SHORT, patternStepper, type CandleSetting, type PatternScan } from '../patterns.js';

/** runWith: the evening star, its middle candle judged by `middle` (BODY_SHORT; BODY_DOJI for the evening doji star). */
export function eveningStarScan(middle: CandleSetting): PatternScan<'bodyLong' | 'middle' | 'bodyShort'> {
  return {
    lookback: Math.max(middle.period, BODY_LONG.period, BODY_SHORT.period) + 2,
    totals: { bodyLong: [BODY_LONG, 2], middle: [middle, 1], bodyShort: [BODY_SHORT, 0] },
    value(k, i, { totals, penetration }) {
      const hit = k.body(i - 2) > totals.bodyLong.average(i) && k.color(i - 2) === 1 &&
                  k.body(i - 1) <= totals.middle.average(i) && k.bodyGapUp(i - 1, i - 2) &&
                  k.body(i) > totals.bodyShort.average(i) && k.color(i) === -1 &&
                  k.close(i) < k.close(i - 2) - k.body(i - 2) * penetration;
      return hit ? -100.0 : 0.0;
    },
  };
}

export default patternStepper(eveningStarScan(BODY_SHORT));
