// pattern.long_legged_doji: TA-Lib CDLLONGLEGGEDDOJI. A doji with a long
// upper or lower shadow: +100.
#pragma once
#include "common.h"

namespace tagrid::pattern::long_legged_doji {

constexpr int64_t kLookback = std::max(kBodyDoji.period, kShadowLong.period);

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing doji(k, kBodyDoji, first);
    for (int64_t i = first; i < e; ++i) {
      // ShadowLong has period 0: its average is the bar's own body, its total unused.
      const double longShadow = k.average(kShadowLong, 0.0, i);
      const bool hit = k.body(i) <= doji.average(i) &&
                       (k.lowerShadow(i) > longShadow || k.upperShadow(i) > longShadow);
      putAll(out, i, b0, nb, hit ? 100.0 : 0.0);
      rollAll(i, doji);
    }
  });
}

}  // namespace tagrid::pattern::long_legged_doji
