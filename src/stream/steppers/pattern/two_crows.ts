// pattern.two_crows, stepped: native/pattern/two_crows.h, TA-Lib CDL2CROWS.
// A long white candle, a black one whose body gaps up, and a black one
// opening inside the second body and closing inside the first: -100.
import { BODY_LONG, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 12,
  totals: { bodyLong: [BODY_LONG, 2] },
  value(k, i, { totals: { bodyLong } }) {
    const hit = k.color(i - 2) === 1 && k.body(i - 2) > bodyLong.average(i) &&
                k.color(i - 1) === -1 && k.bodyGapUp(i - 1, i - 2) &&
                k.color(i) === -1 && k.open(i) < k.open(i - 1) && k.open(i) > k.close(i - 1) &&
                k.close(i) > k.open(i - 2) && k.close(i) < k.close(i - 2);
    return hit ? -100.0 : 0.0;
  },
});
