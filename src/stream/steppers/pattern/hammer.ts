// pattern.hammer, stepped: native/pattern/hammer.h, TA-Lib CDLHAMMER. A
// short body with a long lower shadow and a very short upper one, the body
// near or below the previous candle's low: +100.
import { BODY_SHORT, NEAR, SHADOW_LONG, SHADOW_VERY_SHORT, patternStepper, type PatternScan } from '../patterns.js';

/** runWith: the hammer, or with `hanging` the hanging man (body near or above the previous high, -100). */
export function hammerScan(hanging: boolean): PatternScan<'bodyShort' | 'shadowLong' | 'shortShadow' | 'near'> {
  return {
    lookback: 11,
    totals: { bodyShort: [BODY_SHORT, 0], shadowLong: [SHADOW_LONG, 0], shortShadow: [SHADOW_VERY_SHORT, 0], near: [NEAR, 1] },
    value(k, i, { totals: { bodyShort, shadowLong, shortShadow, near } }) {
      const placed = hanging ? k.bodyBottom(i) >= k.high(i - 1) - near.average(i) : k.bodyBottom(i) <= k.low(i - 1) + near.average(i);
      const hit = k.body(i) < bodyShort.average(i) &&
                  k.lowerShadow(i) > shadowLong.average(i) &&
                  k.upperShadow(i) < shortShadow.average(i) && placed;
      return hit ? (hanging ? -100.0 : 100.0) : 0.0;
    },
  };
}

export default patternStepper(hammerScan(false));
