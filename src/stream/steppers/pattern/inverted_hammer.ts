// pattern.inverted_hammer, stepped: native/pattern/inverted_hammer.h,
// TA-Lib CDLINVERTEDHAMMER. A short body with a long upper shadow and a
// very short lower one, its body gapping down: +100.
import { BODY_SHORT, SHADOW_LONG, SHADOW_VERY_SHORT, patternStepper, type PatternScan } from '../patterns.js';

/** The scan shared with pattern.shooting_star, the same candle gapping up (gapsUp) instead of down; a hit is worth `signal`. */
export function invertedHammerScan(gapsUp: boolean, signal: number): PatternScan<'bodyShort' | 'shortShadow'> {
  return {
    lookback: 11,
    totals: { bodyShort: [BODY_SHORT, 0], shortShadow: [SHADOW_VERY_SHORT, 0] },
    value(k, i, { totals: { bodyShort, shortShadow } }) {
      // ShadowLong has period 0: its average is the bar's own body, its total unused.
      const hit = k.body(i) < bodyShort.average(i) &&
                  k.upperShadow(i) > k.average(SHADOW_LONG, 0.0, i) &&
                  k.lowerShadow(i) < shortShadow.average(i) &&
                  (gapsUp ? k.bodyGapUp(i, i - 1) : k.bodyGapDown(i, i - 1));
      return hit ? signal : 0.0;
    },
  };
}

export default patternStepper(invertedHammerScan(false, 100.0));
