// pattern.counterattack, stepped: native/pattern/counterattack.h, TA-Lib
// CDLCOUNTERATTACK. Two long candles of opposite colours closing at about
// the same price: +100 bullish (second white), -100 bearish.
import { BODY_LONG, EQUAL, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 11,
  totals: { equal: [EQUAL, 1], bodyLong1: [BODY_LONG, 1], bodyLong0: [BODY_LONG, 0] },
  value(k, i, { totals: { equal, bodyLong1, bodyLong0 } }) {
    const hit = k.color(i - 1) === -k.color(i) &&
                k.body(i - 1) > bodyLong1.average(i) &&
                k.body(i) > bodyLong0.average(i) &&
                k.close(i) <= k.close(i - 1) + equal.average(i) &&
                k.close(i) >= k.close(i - 1) - equal.average(i);
    return hit ? k.color(i) * 100.0 : 0.0;
  },
});
