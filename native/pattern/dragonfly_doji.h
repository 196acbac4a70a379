// pattern.dragonfly_doji: TA-Lib CDLDRAGONFLYDOJI. A doji with a very short
// upper shadow and a lower shadow that is not very short: +100.
#pragma once
#include "common.h"

namespace tagrid::pattern::dragonfly_doji {

constexpr int64_t kLookback = std::max(kBodyDoji.period, kShadowVeryShort.period);

inline int64_t scratch(int64_t) { return 0; }

// The dragonfly doji, or with Gravestone the gravestone doji (upper and lower
// shadows swapped).
template <bool Gravestone, typename Out>
int32_t runSide(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, int64_t first, int64_t e) {
    double bodyDoji = k.total(kBodyDoji, first);
    double shortShadow = k.total(kShadowVeryShort, first);
    for (int64_t i = first; i < e; ++i) {
      const double quiet = Gravestone ? k.lowerShadow(i) : k.upperShadow(i);
      const double tail = Gravestone ? k.upperShadow(i) : k.lowerShadow(i);
      const bool hit = k.body(i) <= k.average(kBodyDoji, bodyDoji, i) &&
                       quiet < k.average(kShadowVeryShort, shortShadow, i) &&
                       tail > k.average(kShadowVeryShort, shortShadow, i);
      putAll(out, i, b0, nb, hit ? 100.0 : 0.0);
      bodyDoji = k.roll(kBodyDoji, bodyDoji, i);
      shortShadow = k.roll(kShadowVeryShort, shortShadow, i);
    }
  });
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return runSide<false>(c, out); }

}  // namespace tagrid::pattern::dragonfly_doji
