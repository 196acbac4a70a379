// pattern.gravestone_doji: TA-Lib CDLGRAVESTONEDOJI. A doji with a very short
// lower shadow and an upper shadow that is not very short: +100.
#pragma once
#include "common.h"

namespace tagrid::pattern::gravestone_doji {

constexpr int64_t kLookback = std::max(kBodyDoji.period, kShadowVeryShort.period);

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, int64_t first, int64_t e) {
    double bodyDoji = k.total(kBodyDoji, first);
    double shortShadow = k.total(kShadowVeryShort, first);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.body(i) <= k.average(kBodyDoji, bodyDoji, i) &&
                       k.lowerShadow(i) < k.average(kShadowVeryShort, shortShadow, i) &&
                       k.upperShadow(i) > k.average(kShadowVeryShort, shortShadow, i);
      putAll(out, i, b0, nb, hit ? 100.0 : 0.0);
      bodyDoji = k.roll(kBodyDoji, bodyDoji, i);
      shortShadow = k.roll(kShadowVeryShort, shortShadow, i);
    }
  });
}

}  // namespace tagrid::pattern::gravestone_doji
