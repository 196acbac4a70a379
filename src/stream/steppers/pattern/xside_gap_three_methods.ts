// pattern.xside_gap_three_methods, stepped:
// native/pattern/xside_gap_three_methods.h, TA-Lib CDLXSIDEGAP3METHODS. Two
// candles of one colour with a body gap in their direction, then one of the
// opposite colour opening inside the second body and closing inside the
// first: +100 upside (white), -100 downside (black). No totals.
import { patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 2,
  value(k, i) {
    const hit = k.color(i - 2) === k.color(i - 1) && k.color(i - 1) === -k.color(i) &&
                k.open(i) < k.bodyTop(i - 1) && k.open(i) > k.bodyBottom(i - 1) &&
                k.close(i) < k.bodyTop(i - 2) && k.close(i) > k.bodyBottom(i - 2) &&
                ((k.color(i - 2) === 1 && k.bodyGapUp(i - 1, i - 2)) ||
                 (k.color(i - 2) === -1 && k.bodyGapDown(i - 1, i - 2)));
    return hit ? k.color(i - 2) * 100.0 : 0.0;
  },
});
