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
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing bodyDoji(k, kBodyDoji, first);
    Trailing shortShadow(k, kShadowVeryShort, first);
    for (int64_t i = first; i < e; ++i) {
      const double quiet = Gravestone ? k.lowerShadow(i) : k.upperShadow(i);
      const double tail = Gravestone ? k.upperShadow(i) : k.lowerShadow(i);
      const bool hit = k.body(i) <= bodyDoji.average(i) &&
                       quiet < shortShadow.average(i) &&
                       tail > shortShadow.average(i);
      putAll(out, i, b0, nb, hit ? 100.0 : 0.0);
      rollAll(i, bodyDoji, shortShadow);
    }
  });
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return runSide<false>(c, out); }

}  // namespace tagrid::pattern::dragonfly_doji
