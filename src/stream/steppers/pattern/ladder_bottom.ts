// pattern.ladder_bottom, stepped: native/pattern/ladder_bottom.h, TA-Lib
// CDLLADDERBOTTOM. Three black candles with falling opens and closes, a
// fourth black one with an upper shadow, then a white one opening above it
// and closing above its high: +100.
import { SHADOW_VERY_SHORT, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 14,
  totals: { shortShadow: [SHADOW_VERY_SHORT, 1] },
  value(k, i, { totals: { shortShadow } }) {
    const hit = k.color(i - 4) === -1 && k.color(i - 3) === -1 && k.color(i - 2) === -1 &&
                k.open(i - 4) > k.open(i - 3) && k.open(i - 3) > k.open(i - 2) &&
                k.close(i - 4) > k.close(i - 3) && k.close(i - 3) > k.close(i - 2) &&
                k.color(i - 1) === -1 && k.upperShadow(i - 1) > shortShadow.average(i) &&
                k.color(i) === 1 && k.open(i) > k.open(i - 1) && k.close(i) > k.high(i - 1);
    return hit ? 100.0 : 0.0;
  },
});
