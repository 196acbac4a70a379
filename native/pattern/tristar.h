// pattern.tristar: TA-Lib CDLTRISTAR. Three dojis (each judged against the
// average before the first), the middle one's body gapping away: -100 when it
// gaps up and the third stays below it, +100 when it gaps down and the third
// stays above it.
#pragma once
#include "common.h"

namespace tagrid::pattern::tristar {

constexpr int64_t kLookback = kBodyDoji.period + 2;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing doji(k, kBodyDoji, first, 2);
    for (int64_t i = first; i < e; ++i) {
      const double dojiBody = doji.average(i);
      double v = 0.0;
      if (k.body(i - 2) <= dojiBody && k.body(i - 1) <= dojiBody && k.body(i) <= dojiBody) {
        if (k.bodyGapUp(i - 1, i - 2) && k.bodyTop(i) < k.bodyTop(i - 1)) v = -100.0;
        if (k.bodyGapDown(i - 1, i - 2) && k.bodyBottom(i) > k.bodyBottom(i - 1)) v = 100.0;
      }
      putAll(out, i, b0, nb, v);
      rollAll(i, doji);
    }
  });
}

}  // namespace tagrid::pattern::tristar
