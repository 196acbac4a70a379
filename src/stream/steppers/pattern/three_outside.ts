// pattern.three_outside, stepped: native/pattern/three_outside.h, TA-Lib
// CDL3OUTSIDE, three outside up / down. An engulfing pair and a third candle
// closing further in the second one's direction: +100 up, -100 down. No totals.
import { patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 3,
  value(k, i) {
    const hit = (k.color(i - 1) === 1 && k.color(i - 2) === -1 && k.close(i - 1) > k.open(i - 2) &&
                 k.open(i - 1) < k.close(i - 2) && k.close(i) > k.close(i - 1)) ||
                (k.color(i - 1) === -1 && k.color(i - 2) === 1 && k.open(i - 1) > k.close(i - 2) &&
                 k.close(i - 1) < k.open(i - 2) && k.close(i) < k.close(i - 1));
    return hit ? k.color(i - 1) * 100.0 : 0.0;
  },
});
