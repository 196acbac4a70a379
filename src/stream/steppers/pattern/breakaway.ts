// pattern.breakaway, stepped: native/pattern/breakaway.h, TA-Lib
// CDLBREAKAWAY. A long candle, a second of its colour whose body gaps
// away, two more going further, a fifth of the other colour closing inside
// the gap: +100 bullish, -100 bearish.
import { BODY_LONG, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 14,
  totals: { bodyLong: [BODY_LONG, 4] },
  value(k, i, { totals: { bodyLong } }) {
    const hit = k.body(i - 4) > bodyLong.average(i) &&
                k.color(i - 4) === k.color(i - 3) && k.color(i - 3) === k.color(i - 1) && k.color(i - 1) === -k.color(i) &&
                ((k.color(i - 4) === -1 && k.bodyGapDown(i - 3, i - 4) &&
                  k.high(i - 2) < k.high(i - 3) && k.low(i - 2) < k.low(i - 3) &&
                  k.high(i - 1) < k.high(i - 2) && k.low(i - 1) < k.low(i - 2) &&
                  k.close(i) > k.open(i - 3) && k.close(i) < k.close(i - 4)) ||
                 (k.color(i - 4) === 1 && k.bodyGapUp(i - 3, i - 4) &&
                  k.high(i - 2) > k.high(i - 3) && k.low(i - 2) > k.low(i - 3) &&
                  k.high(i - 1) > k.high(i - 2) && k.low(i - 1) > k.low(i - 2) &&
                  k.close(i) < k.open(i - 3) && k.close(i) > k.close(i - 4)));
    return hit ? k.color(i) * 100.0 : 0.0;
  },
});
