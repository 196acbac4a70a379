// pattern.tasuki_gap, stepped: native/pattern/tasuki_gap.h, TA-Lib
// CDLTASUKIGAP. A candle whose body gaps away from the one before, then one
// of the opposite colour and about the same body size opening in its body
// and closing inside the gap: +100 upside (white gap candle), -100 downside.
import { NEAR, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 7,
  totals: { near: [NEAR, 1] },
  value(k, i, { totals: { near } }) {
    const sameSize = Math.abs(k.body(i - 1) - k.body(i)) < near.average(i);
    const up = k.bodyGapUp(i - 1, i - 2) && k.color(i - 1) === 1 && k.color(i) === -1 &&
               k.open(i) < k.close(i - 1) && k.open(i) > k.open(i - 1) && k.close(i) < k.open(i - 1) &&
               k.close(i) > k.bodyTop(i - 2) && sameSize;
    const down = k.bodyGapDown(i - 1, i - 2) && k.color(i - 1) === -1 && k.color(i) === 1 &&
                 k.open(i) < k.open(i - 1) && k.open(i) > k.close(i - 1) && k.close(i) > k.open(i - 1) &&
                 k.close(i) < k.bodyBottom(i - 2) && sameSize;
    return up || down ? k.color(i - 1) * 100.0 : 0.0;
  },
});
