// pattern.abandoned_baby, stepped: native/pattern/abandoned_baby.h, TA-Lib
// CDLABANDONEDBABY. A long candle, a doji gapping away (shadows included),
// a candle of the other colour gapping back and closing more than
// `penetration` of the first body into it: +100 bullish, -100 bearish. (The
// kernel keeps the totals per variant; every copy sums the same ranges in
// the same order, so one shared set gives the same bits.)
import { BODY_DOJI, BODY_LONG, BODY_SHORT, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 12,
  totals: { bodyLong: [BODY_LONG, 2], bodyDoji: [BODY_DOJI, 1], bodyShort: [BODY_SHORT, 0] },
  value(k, i, { totals: { bodyLong, bodyDoji, bodyShort }, penetration }) {
    const hit = k.body(i - 2) > bodyLong.average(i) &&
                k.body(i - 1) <= bodyDoji.average(i) &&
                k.body(i) > bodyShort.average(i) &&
                ((k.color(i - 2) === 1 && k.color(i) === -1 &&
                  k.close(i) < k.close(i - 2) - k.body(i - 2) * penetration &&
                  k.gapUp(i - 1, i - 2) && k.gapDown(i, i - 1)) ||
                 (k.color(i - 2) === -1 && k.color(i) === 1 &&
                  k.close(i) > k.close(i - 2) + k.body(i - 2) * penetration &&
                  k.gapDown(i - 1, i - 2) && k.gapUp(i, i - 1)));
    return hit ? k.color(i) * 100.0 : 0.0;
  },
});
