// pattern.doji_star, stepped: native/pattern/doji_star.h, TA-Lib
// CDLDOJISTAR. A long candle, then a doji whose body gaps away from it:
// -100 after a white one, +100 after a black one.
import { BODY_DOJI, BODY_LONG, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 11,
  totals: { bodyLong: [BODY_LONG, 1], bodyDoji: [BODY_DOJI, 0] },
  value(k, i, { totals: { bodyLong, bodyDoji } }) {
    const hit = k.body(i - 1) > bodyLong.average(i) &&
                k.body(i) <= bodyDoji.average(i) &&
                ((k.color(i - 1) === 1 && k.bodyGapUp(i, i - 1)) || (k.color(i - 1) === -1 && k.bodyGapDown(i, i - 1)));
    return hit ? -k.color(i - 1) * 100.0 : 0.0;
  },
});
