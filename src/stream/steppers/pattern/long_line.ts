// pattern.long_line, stepped: native/pattern/long_line.h, TA-Lib
// CDLLONGLINE. A long body with short shadows: +100 white, -100 black.
import { BODY_LONG, SHADOW_SHORT, patternStepper, type CandleSetting, type PatternScan } from '../patterns.js';

/**
 * The one-candle scan shared with pattern.marubozu and pattern.short_line
 * (long_line::scan): a body longer (longBody) or shorter than setting `body`
 * with both shadows shorter than setting `shadow`, signed by the candle's colour.
 */
export function oneCandleScan(lookback: number, body: CandleSetting, longBody: boolean, shadow: CandleSetting): PatternScan<'bodyTotal' | 'shadowTotal'> {
  return {
    lookback,
    totals: { bodyTotal: [body, 0], shadowTotal: [shadow, 0] },
    value(k, i, { totals: { bodyTotal, shadowTotal } }) {
      const bodyAverage = bodyTotal.average(i), shadowAverage = shadowTotal.average(i);
      const hit = (longBody ? k.body(i) > bodyAverage : k.body(i) < bodyAverage) &&
                  k.upperShadow(i) < shadowAverage && k.lowerShadow(i) < shadowAverage;
      return hit ? k.color(i) * 100.0 : 0.0;
    },
  };
}

export default patternStepper(oneCandleScan(10, BODY_LONG, true, SHADOW_SHORT));
