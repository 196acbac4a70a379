// pattern.three_line_strike, stepped: native/pattern/three_line_strike.h,
// TA-Lib CDL3LINESTRIKE. Three candles of one colour, each opening within or
// near the previous body and closing further on, struck by a fourth of the
// other colour that opens beyond the third close and closes beyond the first
// open: +100 after three white, -100 after three black.
import { NEAR, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 8,
  // nearD: the Near total judging bar i - D
  totals: { near3: [NEAR, 3], near2: [NEAR, 2] },
  value(k, i, { totals: { near3, near2 } }) {
    const hit = k.color(i - 3) === k.color(i - 2) && k.color(i - 2) === k.color(i - 1) && k.color(i) === -k.color(i - 1) &&
                k.open(i - 2) >= k.bodyBottom(i - 3) - near3.average(i) &&
                k.open(i - 2) <= k.bodyTop(i - 3) + near3.average(i) &&
                k.open(i - 1) >= k.bodyBottom(i - 2) - near2.average(i) &&
                k.open(i - 1) <= k.bodyTop(i - 2) + near2.average(i) &&
                ((k.color(i - 1) === 1 && k.close(i - 1) > k.close(i - 2) && k.close(i - 2) > k.close(i - 3) &&
                  k.open(i) > k.close(i - 1) && k.close(i) < k.open(i - 3)) ||
                 (k.color(i - 1) === -1 && k.close(i - 1) < k.close(i - 2) && k.close(i - 2) < k.close(i - 3) &&
                  k.open(i) < k.close(i - 1) && k.close(i) > k.open(i - 3)));
    return hit ? k.color(i - 1) * 100.0 : 0.0;
  },
});
