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
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, int64_t first, int64_t e) {
    double bodyShort = k.total(kBodyShort, first);
    double shadowLong = k.total(kShadowLong, first);
    double shortShadow = k.total(kShadowVeryShort, first);
    double near = k.total(kNear, first - 1);
    for (int64_t i = first; i < e; ++i) {
      const bool placed = Hanging ? k.bodyBottom(i) >= k.high(i - 1) - k.average(kNear, near, i - 1)
                                  : k.bodyBottom(i) <= k.low(i - 1) + k.average(kNear, near, i - 1);
      const bool hit = k.body(i) < k.average(kBodyShort, bodyShort, i) &&
                       k.lowerShadow(i) > k.average(kShadowLong, shadowLong, i) &&
                       k.upperShadow(i) < k.average(kShadowVeryShort, shortShadow, i) && placed;
      putAll(out, i, b0, nb, hit ? (Hanging ? -100.0 : 100.0) : 0.0);
      bodyShort = k.roll(kBodyShort, bodyShort, i);
      shadowLong = k.roll(kShadowLong, shadowLong, i);
      shortShadow = k.roll(kShadowVeryShort, shortShadow, i);
      near = k.roll(kNear, near, i - 1);
    }
  });
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return runWith<false>(c, out); }

}  // namespace tagrid::pattern::hammer
