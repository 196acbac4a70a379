// pattern.belt_hold, stepped: native/pattern/belt_hold.h, TA-Lib
// CDLBELTHOLD. A long candle opening at its low (white) or high (black)
// side, that shadow very short: +100 white, -100 black.
import { BODY_LONG, SHADOW_VERY_SHORT, patternStepper, type PatternScan } from '../patterns.js';

/** runSide: the belt hold, or with `closing` the closing marubozu (no shadow on the closing side). */
export function beltHoldScan(closing: boolean): PatternScan<'bodyLong' | 'shortShadow'> {
  return {
    lookback: 10,
    totals: { bodyLong: [BODY_LONG, 0], shortShadow: [SHADOW_VERY_SHORT, 0] },
    value(k, i, { totals: { bodyLong, shortShadow } }) {
      const shadow = (k.color(i) === 1) !== closing ? k.lowerShadow(i) : k.upperShadow(i);
      const hit = k.body(i) > bodyLong.average(i) && shadow < shortShadow.average(i);
      return hit ? k.color(i) * 100.0 : 0.0;
    },
  };
}

export default patternStepper(beltHoldScan(false));
