// pattern.in_neck, stepped: native/pattern/in_neck.h, TA-Lib CDLINNECK. A
// long black candle, then a white one opening below its low and closing at
// or just above its close: -100.
import { BODY_LONG, EQUAL, patternStepper, type Candles, type PatternScan } from '../patterns.js';

/**
 * The scan shared with pattern.on_neck and pattern.thrusting: a long black
 * candle, then a white one opening below its low whose close passes
 * closes(k, i, same), `same` being the Equal average judging bar i - 1.
 */
export function neckScan(closes: (k: Candles, i: number, same: number) => boolean): PatternScan<'equal' | 'bodyLong'> {
  return {
    lookback: 11,
    totals: { equal: [EQUAL, 1], bodyLong: [BODY_LONG, 1] },
    value(k, i, { totals: { equal, bodyLong } }) {
      const hit = k.color(i - 1) === -1 && k.body(i - 1) > bodyLong.average(i) &&
                  k.color(i) === 1 && k.open(i) < k.low(i - 1) && closes(k, i, equal.average(i));
      return hit ? -100.0 : 0.0;
    },
  };
}

export default patternStepper(neckScan((k, i, same) => k.close(i) <= k.close(i - 1) + same && k.close(i) >= k.close(i - 1)));
