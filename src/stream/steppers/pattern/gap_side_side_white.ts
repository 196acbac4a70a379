// pattern.gap_side_side_white, stepped: native/pattern/gap_side_side_white.h,
// TA-Lib CDLGAPSIDESIDEWHITE. Two white candles of about the same body and
// open, side by side, both gapping away from the candle before them: +100
// up, -100 down.
import { EQUAL, NEAR, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 7,
  totals: { near: [NEAR, 1], equal: [EQUAL, 1] },
  value(k, i, { totals: { near, equal } }) {
    const hit = ((k.bodyGapUp(i - 1, i - 2) && k.bodyGapUp(i, i - 2)) ||
                 (k.bodyGapDown(i - 1, i - 2) && k.bodyGapDown(i, i - 2))) &&
                k.color(i - 1) === 1 && k.color(i) === 1 &&
                k.body(i) >= k.body(i - 1) - near.average(i) &&
                k.body(i) <= k.body(i - 1) + near.average(i) &&
                k.open(i) >= k.open(i - 1) - equal.average(i) &&
                k.open(i) <= k.open(i - 1) + equal.average(i);
    return hit ? (k.bodyGapUp(i - 1, i - 2) ? 100.0 : -100.0) : 0.0;
  },
});
