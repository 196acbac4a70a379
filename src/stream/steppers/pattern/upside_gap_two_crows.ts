// pattern.upside_gap_two_crows, stepped: native/pattern/upside_gap_two_crows.h,
// TA-Lib CDLUPSIDEGAP2CROWS. A long white candle, a short black one whose
// body gaps up, and a black one engulfing the second body but closing above
// the first close: -100.
import { BODY_LONG, BODY_SHORT, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 12,
  totals: { bodyLong: [BODY_LONG, 2], bodyShort: [BODY_SHORT, 1] },
  value(k, i, { totals: { bodyLong, bodyShort } }) {
    const hit = k.color(i - 2) === 1 && k.body(i - 2) > bodyLong.average(i) &&
                k.color(i - 1) === -1 && k.body(i - 1) <= bodyShort.average(i) &&
                k.bodyGapUp(i - 1, i - 2) &&
                k.color(i) === -1 && k.open(i) > k.open(i - 1) && k.close(i) < k.close(i - 1) &&
                k.close(i) > k.close(i - 2);
    return hit ? -100.0 : 0.0;
  },
});
