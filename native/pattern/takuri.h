// pattern.takuri: TA-Lib CDLTAKURI. A dragonfly doji with a very short upper
// shadow and a very long lower one: +100.
#pragma once
#include "common.h"

namespace tagrid::pattern::takuri {

constexpr int64_t kLookback = std::max(std::max(kBodyDoji.period, kShadowVeryShort.period), kShadowVeryLong.period);

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing doji(k, kBodyDoji, first);
    Trailing shortShadow(k, kShadowVeryShort, first);
    for (int64_t i = first; i < e; ++i) {
      // ShadowVeryLong has period 0: its average is twice the bar's own body, its total unused.
      const bool hit = k.body(i) <= doji.average(i) &&
                       k.upperShadow(i) < shortShadow.average(i) &&
                       k.lowerShadow(i) > k.average(kShadowVeryLong, 0.0, i);
      putAll(out, i, b0, nb, hit ? 100.0 : 0.0);
      rollAll(i, doji, shortShadow);
    }
  });
}

}  // namespace tagrid::pattern::takuri
