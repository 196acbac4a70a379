// pattern.dragonfly_doji, stepped: native/pattern/dragonfly_doji.h, TA-Lib
// CDLDRAGONFLYDOJI. A doji with a very short upper shadow and a longer
// lower one: +100.
import { BODY_DOJI, SHADOW_VERY_SHORT, patternStepper, type PatternScan } from '../patterns.js';

/** runSide: the dragonfly doji, or with `gravestone` the gravestone doji (shadows swapped). */
export function dojiSideScan(gravestone: boolean): PatternScan<'bodyDoji' | 'shortShadow'> {
  return {
    lookback: 10,
    totals: { bodyDoji: [BODY_DOJI, 0], shortShadow: [SHADOW_VERY_SHORT, 0] },
    value(k, i, { totals: { bodyDoji, shortShadow } }) {
      const quiet = gravestone ? k.lowerShadow(i) : k.upperShadow(i);
      const tail = gravestone ? k.upperShadow(i) : k.lowerShadow(i);
      const hit = k.body(i) <= bodyDoji.average(i) && quiet < shortShadow.average(i) && tail > shortShadow.average(i);
      return hit ? 100.0 : 0.0;
    },
  };
}

export default patternStepper(dojiSideScan(false));
