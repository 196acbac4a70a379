// pattern.doji, stepped: native/pattern/doji.h, TA-Lib CDLDOJI. A real body
// no longer than the doji threshold: +100.
import { BODY_DOJI, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 10,
  totals: { bodyDoji: [BODY_DOJI, 0] },
  value: (k, i, { totals: { bodyDoji } }) => (k.body(i) <= bodyDoji.average(i) ? 100.0 : 0.0),
});
