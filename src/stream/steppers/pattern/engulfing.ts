// pattern.engulfing, stepped: native/pattern/engulfing.h, TA-Lib
// CDLENGULFING. A body engulfing the previous one of the other colour:
// +100 / -100, +80 / -80 when one end of the bodies coincides. No totals.
import { patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 2,
  value(k, i) {
    const hit = (k.color(i) === 1 && k.color(i - 1) === -1 &&
                 ((k.close(i) >= k.open(i - 1) && k.open(i) < k.close(i - 1)) ||
                  (k.close(i) > k.open(i - 1) && k.open(i) <= k.close(i - 1)))) ||
                (k.color(i) === -1 && k.color(i - 1) === 1 &&
                 ((k.open(i) >= k.close(i - 1) && k.close(i) < k.open(i - 1)) ||
                  (k.open(i) > k.close(i - 1) && k.close(i) <= k.open(i - 1))));
    const strict = k.open(i) !== k.close(i - 1) && k.close(i) !== k.open(i - 1);
    return hit ? k.color(i) * (strict ? 100.0 : 80.0) : 0.0;
  },
});
