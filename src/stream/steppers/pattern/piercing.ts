// pattern.piercing, stepped: native/pattern/piercing.h, TA-Lib CDLPIERCING.
// A long black candle, then a long white one opening below its low and
// closing inside its body, above the middle: +100.
import { BODY_LONG, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 11,
  // bodyLongD: the total judging bar i - D
  totals: { bodyLong1: [BODY_LONG, 1], bodyLong0: [BODY_LONG, 0] },
  value(k, i, { totals: { bodyLong1, bodyLong0 } }) {
    const hit = k.color(i - 1) === -1 && k.body(i - 1) > bodyLong1.average(i) &&
                k.color(i) === 1 && k.body(i) > bodyLong0.average(i) &&
                k.open(i) < k.low(i - 1) && k.close(i) < k.open(i - 1) &&
                k.close(i) > k.close(i - 1) + k.body(i - 1) * 0.5;
    return hit ? 100.0 : 0.0;
  },
});
