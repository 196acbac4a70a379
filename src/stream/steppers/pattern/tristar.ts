// pattern.tristar, stepped: native/pattern/tristar.h, TA-Lib CDLTRISTAR.
// Three dojis (each judged against the average before the first), the
// middle one's body gapping away: -100 when it gaps up and the third stays
// below it, +100 when it gaps down and the third stays above it.
import { BODY_DOJI, patternStepper } from '../patterns.js';

export default patternStepper({
  lookback: 12,
  totals: { doji: [BODY_DOJI, 2] },
  value(k, i, { totals: { doji } }) {
    const dojiBody = doji.average(i);
    let v = 0.0;
    if (k.body(i - 2) <= dojiBody && k.body(i - 1) <= dojiBody && k.body(i) <= dojiBody) {
      if (k.bodyGapUp(i - 1, i - 2) && k.bodyTop(i) < k.bodyTop(i - 1)) v = -100.0;
      if (k.bodyGapDown(i - 1, i - 2) && k.bodyBottom(i) > k.bodyBottom(i - 1)) v = 100.0;
    }
    return v;
  },
});
