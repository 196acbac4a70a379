// pattern.abandoned_baby: TA-Lib CDLABANDONEDBABY. A long candle, a doji
// gapping away from it (shadows included), and a candle of the other colour
// gapping back and closing more than `penetration` of the first body into it:
// +100 bullish (first black), -100 bearish.
#pragma once
#include "common.h"

namespace tagrid::pattern::abandoned_baby {

constexpr int64_t kLookback = std::max(std::max(kBodyDoji.period, kBodyLong.period), kBodyShort.period) + 2;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    for (int j = 0; j < nb; ++j) {
      const int64_t v = b0 + j;
      const double penetration = c.param[0][v];
      Trailing bodyLong(k, kBodyLong, first, 2);
      Trailing bodyDoji(k, kBodyDoji, first, 1);
      Trailing bodyShort(k, kBodyShort, first);
      for (int64_t i = first; i < e; ++i) {
        const bool hit = k.body(i - 2) > bodyLong.average(i) &&
                         k.body(i - 1) <= bodyDoji.average(i) &&
                         k.body(i) > bodyShort.average(i) &&
                         ((k.color(i - 2) == 1 && k.color(i) == -1 &&
                           k.close(i) < k.close(i - 2) - k.body(i - 2) * penetration &&
                           k.gapUp(i - 1, i - 2) && k.gapDown(i, i - 1)) ||
                          (k.color(i - 2) == -1 && k.color(i) == 1 &&
                           k.close(i) > k.close(i - 2) + k.body(i - 2) * penetration &&
                           k.gapDown(i - 1, i - 2) && k.gapUp(i, i - 1)));
        out.put(0, i, v, hit ? k.color(i) * 100.0 : 0.0);
        rollAll(i, bodyLong, bodyDoji, bodyShort);
      }
    }
  });
}

}  // namespace tagrid::pattern::abandoned_baby
