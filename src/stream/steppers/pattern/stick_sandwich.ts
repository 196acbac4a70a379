// pattern.stick_sandwich, stepped: native/pattern/stick_sandwich.h, TA-Lib
// CDLSTICKSANDWICH. A black candle, a white one trading above its close, and
// a black one closing at about the first close: +100.
import { EQUAL, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 7,
  totals: { equal: [EQUAL, 2] },
  value(k, i, { totals: { equal } }) {
    const same = equal.average(i);
    const hit = k.color(i - 2) === -1 && k.color(i - 1) === 1 && k.color(i) === -1 && k.low(i - 1) > k.close(i - 2) &&
                k.close(i) <= k.close(i - 2) + same && k.close(i) >= k.close(i - 2) - same;
    return hit ? 100.0 : 0.0;
  },
});
