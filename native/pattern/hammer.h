// pattern.hammer: TA-Lib CDLHAMMER. A short body with a long lower shadow and
// a very short upper shadow, the body near or below the previous candle's low: +100.
#pragma once
#include "common.h"

namespace tagrid::pattern::hammer {

constexpr int64_t kLookback =
    std::max(std::max(std::max(kBodyShort.period, kShadowLong.period), kShadowVeryShort.period), kNear.period) + 1;

inline int64_t scratch(int64_t) { return 0; }

// The hammer, or with Hanging the hanging man: the same candle with its body
// near or above the previous candle's high, -100.
template <bool Hanging, typename Out>
int32_t runWith(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing bodyShort(k, kBodyShort, first);
    Trailing shadowLong(k, kShadowLong, first);
    Trailing shortShadow(k, kShadowVeryShort, first);
    Trailing near(k, kNear, first, 1);
    for (int64_t i = first; i < e; ++i) {
      const bool placed = Hanging ? k.bodyBottom(i) >= k.high(i - 1) - near.average(i)
                                  : k.bodyBottom(i) <= k.low(i - 1) + near.average(i);
      const bool hit = k.body(i) < bodyShort.average(i) &&
                       k.lowerShadow(i) > shadowLong.average(i) &&
                       k.upperShadow(i) < shortShadow.average(i) && placed;
      putAll(out, i, b0, nb, hit ? (Hanging ? -100.0 : 100.0) : 0.0);
      rollAll(i, bodyShort, shadowLong, shortShadow, near);
    }
  });
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return runWith<false>(c, out); }

}  // namespace tagrid::pattern::hammer
