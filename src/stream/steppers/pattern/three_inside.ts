// pattern.three_inside, stepped: native/pattern/three_inside.h, TA-Lib
// CDL3INSIDE, three inside up / down. A long candle, a short one inside its
// body (a harami), and a third of the opposite colour closing beyond the
// first one's open: +100 up (first black), -100 down.
import { BODY_LONG, BODY_SHORT, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 12,
  totals: { bodyLong: [BODY_LONG, 2], bodyShort: [BODY_SHORT, 1] },
  value(k, i, { totals: { bodyLong, bodyShort } }) {
    const hit = k.body(i - 2) > bodyLong.average(i) &&
                k.body(i - 1) <= bodyShort.average(i) &&
                k.bodyTop(i - 1) < k.bodyTop(i - 2) && k.bodyBottom(i - 1) > k.bodyBottom(i - 2) &&
                ((k.color(i - 2) === 1 && k.color(i) === -1 && k.close(i) < k.open(i - 2)) ||
                 (k.color(i - 2) === -1 && k.color(i) === 1 && k.close(i) > k.open(i - 2)));
    return hit ? -k.color(i - 2) * 100.0 : 0.0;
  },
});
