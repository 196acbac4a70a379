// pattern.harami, stepped: native/pattern/harami.h, TA-Lib CDLHARAMI. A
// long candle, then a short body inside its body: -100 after a white one,
// +100 after a black one; -80 / +80 when one end of the bodies coincides.
import { BODY_LONG, BODY_SHORT, patternStepper, type CandleSetting, type PatternScan } from '../patterns.js';

/** runWith: the harami, its second candle judged by `second` (BODY_SHORT; BODY_DOJI for the harami cross). */
export function haramiScan(second: CandleSetting): PatternScan<'bodyLong' | 'second'> {
  return {
    lookback: Math.max(second.period, BODY_LONG.period) + 1,
    totals: { bodyLong: [BODY_LONG, 1], second: [second, 0] },
    value(k, i, { totals }) {
      if (k.body(i - 1) > totals.bodyLong.average(i) && k.body(i) <= totals.second.average(i)) {
        if (k.bodyTop(i) < k.bodyTop(i - 1) && k.bodyBottom(i) > k.bodyBottom(i - 1)) return -k.color(i - 1) * 100.0;
        if (k.bodyTop(i) <= k.bodyTop(i - 1) && k.bodyBottom(i) >= k.bodyBottom(i - 1)) return -k.color(i - 1) * 80.0;
      }
      return 0.0;
    },
  };
}

export default patternStepper(haramiScan(BODY_SHORT));
