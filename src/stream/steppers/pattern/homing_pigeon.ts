// pattern.homing_pigeon, stepped: native/pattern/homing_pigeon.h, TA-Lib
// CDLHOMINGPIGEON. A long black candle, then a short black body inside its
// body: +100.
import { BODY_LONG, BODY_SHORT, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 11,
  totals: { bodyLong: [BODY_LONG, 1], bodyShort: [BODY_SHORT, 0] },
  value(k, i, { totals: { bodyLong, bodyShort } }) {
    const hit = k.color(i - 1) === -1 && k.color(i) === -1 &&
                k.body(i - 1) > bodyLong.average(i) &&
                k.body(i) <= bodyShort.average(i) &&
                k.open(i) < k.open(i - 1) && k.close(i) > k.close(i - 1);
    return hit ? 100.0 : 0.0;
  },
});
