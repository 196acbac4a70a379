// pattern.rise_fall_three_methods, stepped:
// native/pattern/rise_fall_three_methods.h, TA-Lib CDLRISEFALL3METHODS. A
// long candle, three small ones of the opposite colour moving against it
// within its range, and a long candle of the first colour closing beyond the
// first close: +100 rising (white first), -100 falling.
import { BODY_LONG, BODY_SHORT, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 14,
  // bodyLongD, bodyShortD: the totals judging bar i - D
  totals: {
    bodyLong4: [BODY_LONG, 4], bodyShort3: [BODY_SHORT, 3], bodyShort2: [BODY_SHORT, 2], bodyShort1: [BODY_SHORT, 1], bodyLong0: [BODY_LONG, 0],
  },
  value(k, i, { totals: { bodyLong4, bodyShort3, bodyShort2, bodyShort1, bodyLong0 } }) {
    // Prices times the first colour: TA-Lib writes the rising and falling cases as one.
    const dir = k.color(i - 4);
    const withinFirst = (j: number) => k.bodyBottom(j) < k.high(i - 4) && k.bodyTop(j) > k.low(i - 4);
    const hit = k.body(i - 4) > bodyLong4.average(i) &&
                k.body(i - 3) < bodyShort3.average(i) &&
                k.body(i - 2) < bodyShort2.average(i) &&
                k.body(i - 1) < bodyShort1.average(i) &&
                k.body(i) > bodyLong0.average(i) &&
                k.color(i - 4) === -k.color(i - 3) && k.color(i - 3) === k.color(i - 2) &&
                k.color(i - 2) === k.color(i - 1) && k.color(i - 1) === -k.color(i) &&
                withinFirst(i - 3) && withinFirst(i - 2) && withinFirst(i - 1) &&
                k.close(i - 2) * dir < k.close(i - 3) * dir && k.close(i - 1) * dir < k.close(i - 2) * dir &&
                k.open(i) * dir > k.close(i - 1) * dir && k.close(i) * dir > k.close(i - 4) * dir;
    return hit ? 100.0 * dir : 0.0;
  },
});
