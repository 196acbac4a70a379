// pattern.morning_star, stepped: native/pattern/morning_star.h, TA-Lib
// CDLMORNINGSTAR. A long black candle, a short one whose body gaps down, and
// a white candle longer than short closing above the first close by more
// than `penetration` of the first body: +100. (The kernel keeps the totals
// per block of variants; every copy sums the same ranges in the same order,
// so one shared set gives the same bits.)
import { BODY_LONG, BODY_SHORT, patternStepper, type CandleSetting, type PatternScan } from '../patterns.js';

/**
 * The star scan shared with pattern.morning_doji_star (morning_star::scan):
 * the middle candle's body is at most setting `star`'s average.
 */
export function morningStarScan(lookback: number, star: CandleSetting): PatternScan<'bodyLong' | 'starTotal' | 'bodyShort'> {
  return {
    lookback,
    totals: { bodyLong: [BODY_LONG, 2], starTotal: [star, 1], bodyShort: [BODY_SHORT, 0] },
    value(k, i, { totals: { bodyLong, starTotal, bodyShort }, penetration }) {
      const shape = k.body(i - 2) > bodyLong.average(i) && k.color(i - 2) === -1 &&
                    k.body(i - 1) <= starTotal.average(i) && k.bodyGapDown(i - 1, i - 2) &&
                    k.body(i) > bodyShort.average(i) && k.color(i) === 1;
      return shape && k.close(i) > k.close(i - 2) + k.body(i - 2) * penetration ? 100.0 : 0.0;
    },
  };
}

export default patternStepper(morningStarScan(12, BODY_SHORT));
