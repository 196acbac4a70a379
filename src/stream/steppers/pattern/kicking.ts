// pattern.kicking, stepped: native/pattern/kicking.h, TA-Lib CDLKICKING.
// Two marubozu of opposite colours, the second gapping away from the
// first: +100 bullish (second white), -100 bearish.
import { BODY_LONG, SHADOW_VERY_SHORT, patternStepper, type Candles, type PatternScan, type Trailing } from '../patterns.js';

/** Whether bar j (i - the totals' lag) is a marubozu. */
function marubozu(k: Candles, i: number, j: number, bodyLong: Trailing, shortShadow: Trailing): boolean {
  const shadow = shortShadow.average(i);
  return k.body(j) > bodyLong.average(i) && k.upperShadow(j) < shadow && k.lowerShadow(j) < shadow;
}

/** The kicking scan, shared with pattern.kicking_by_length: signal(k, i) is the value of a kick ending at bar i. */
export function kickingScan(signal: (k: Candles, i: number) => number): PatternScan<'bodyLong1' | 'shortShadow1' | 'bodyLong0' | 'shortShadow0'> {
  return {
    lookback: 11,
    totals: { bodyLong1: [BODY_LONG, 1], shortShadow1: [SHADOW_VERY_SHORT, 1], bodyLong0: [BODY_LONG, 0], shortShadow0: [SHADOW_VERY_SHORT, 0] },
    value(k, i, { totals: t }) {
      const hit = k.color(i - 1) === -k.color(i) &&
                  marubozu(k, i, i - 1, t.bodyLong1, t.shortShadow1) && marubozu(k, i, i, t.bodyLong0, t.shortShadow0) &&
                  ((k.color(i - 1) === -1 && k.gapUp(i, i - 1)) || (k.color(i - 1) === 1 && k.gapDown(i, i - 1)));
      return hit ? signal(k, i) : 0.0;
    },
  };
}

export default patternStepper(kickingScan((k, i) => k.color(i) * 100.0));
