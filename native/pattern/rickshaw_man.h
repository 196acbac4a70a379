// pattern.rickshaw_man: TA-Lib CDLRICKSHAWMAN. A doji with two long shadows
// whose body lies near the middle of its high-low range: +100.
#pragma once
#include "common.h"

namespace tagrid::pattern::rickshaw_man {

constexpr int64_t kLookback = std::max(std::max(kBodyDoji.period, kShadowLong.period), kNear.period);

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing doji(k, kBodyDoji, first);
    Trailing near(k, kNear, first);
    for (int64_t i = first; i < e; ++i) {
      // ShadowLong has period 0: its average is the bar's own body, its total unused.
      const double longShadow = k.average(kShadowLong, 0.0, i);
      const double nearMid = near.average(i);
      const bool hit = k.body(i) <= doji.average(i) &&
                       k.lowerShadow(i) > longShadow && k.upperShadow(i) > longShadow &&
                       k.bodyBottom(i) <= k.low(i) + k.highLow(i) / 2.0 + nearMid &&
                       k.bodyTop(i) >= k.low(i) + k.highLow(i) / 2.0 - nearMid;
      putAll(out, i, b0, nb, hit ? 100.0 : 0.0);
      rollAll(i, doji, near);
    }
  });
}

}  // namespace tagrid::pattern::rickshaw_man
