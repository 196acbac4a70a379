// pattern.matching_low, stepped: native/pattern/matching_low.h, TA-Lib
// CDLMATCHINGLOW. Two black candles closing at about the same price: +100.
import { EQUAL, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 6,
  totals: { equal: [EQUAL, 1] },
  value(k, i, { totals: { equal } }) {
    const same = equal.average(i);
    const hit = k.color(i - 1) === -1 && k.color(i) === -1 &&
                k.close(i) <= k.close(i - 1) + same && k.close(i) >= k.close(i - 1) - same;
    return hit ? 100.0 : 0.0;
  },
});
