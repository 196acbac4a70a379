// pattern.spinning_top, stepped: native/pattern/spinning_top.h, TA-Lib
// CDLSPINNINGTOP. A small body with both shadows longer than the body: +100
// white, -100 black.
import { BODY_SHORT, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 10,
  totals: { bodyShort: [BODY_SHORT, 0] },
  value(k, i, { totals: { bodyShort } }) {
    const hit = k.body(i) < bodyShort.average(i) && k.upperShadow(i) > k.body(i) && k.lowerShadow(i) > k.body(i);
    return hit ? k.color(i) * 100.0 : 0.0;
  },
});
