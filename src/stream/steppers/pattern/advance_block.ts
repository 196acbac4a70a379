// pattern.advance_block, stepped: native/pattern/advance_block.h, TA-Lib
// CDLADVANCEBLOCK. Three white candles with rising closes, each opening
// within or near the previous body, the first long with a short upper
// shadow, the advance weakening: -100. Totals named by the bar they judge
// (shadowShort2: bar i - 2).
import { BODY_LONG, FAR, NEAR, SHADOW_LONG, SHADOW_SHORT, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 12,
  totals: {
    shadowShort2: [SHADOW_SHORT, 2], shadowShort1: [SHADOW_SHORT, 1], shadowShort0: [SHADOW_SHORT, 0],
    shadowLong1: [SHADOW_LONG, 1], shadowLong0: [SHADOW_LONG, 0],
    near2: [NEAR, 2], near1: [NEAR, 1], far2: [FAR, 2], far1: [FAR, 1], bodyLong: [BODY_LONG, 2],
  },
  value(k, i, { totals: t }) {
    const hit =
      k.color(i - 2) === 1 && k.color(i - 1) === 1 && k.color(i) === 1 &&
      k.close(i) > k.close(i - 1) && k.close(i - 1) > k.close(i - 2) &&
      k.open(i - 1) > k.open(i - 2) && k.open(i - 1) <= k.close(i - 2) + t.near2.average(i) &&
      k.open(i) > k.open(i - 1) && k.open(i) <= k.close(i - 1) + t.near1.average(i) &&
      k.body(i - 2) > t.bodyLong.average(i) &&
      k.upperShadow(i - 2) < t.shadowShort2.average(i) &&
      ((k.body(i - 1) < k.body(i - 2) - t.far2.average(i) &&
        k.body(i) < k.body(i - 1) + t.near1.average(i)) ||
       k.body(i) < k.body(i - 1) - t.far1.average(i) ||
       (k.body(i) < k.body(i - 1) && k.body(i - 1) < k.body(i - 2) &&
        (k.upperShadow(i) > t.shadowShort0.average(i) ||
         k.upperShadow(i - 1) > t.shadowShort1.average(i))) ||
       (k.body(i) < k.body(i - 1) && k.upperShadow(i) > t.shadowLong0.average(i)));
    return hit ? -100.0 : 0.0;
  },
});
