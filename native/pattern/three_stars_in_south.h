// pattern.three_stars_in_south: TA-Lib CDL3STARSINSOUTH. Three black candles:
// a long one with a long lower shadow, a smaller one opening above its close and
// trading lower but not below its low, with a lower shadow, and a small
// marubozu inside the second one's range: +100.
#pragma once
#include "common.h"

namespace tagrid::pattern::three_stars_in_south {

constexpr int64_t kLookback = std::max(std::max(kShadowVeryShort.period, kShadowLong.period), std::max(kBodyLong.period, kBodyShort.period)) + 2;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing bodyLong(k, kBodyLong, first, 2);
    Trailing shadowLong(k, kShadowLong, first, 2);
    Trailing shortShadow1(k, kShadowVeryShort, first, 1);
    Trailing shortShadow0(k, kShadowVeryShort, first);
    Trailing bodyShort(k, kBodyShort, first);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.color(i - 2) == -1 && k.color(i - 1) == -1 && k.color(i) == -1 &&
                       k.body(i - 2) > bodyLong.average(i) &&
                       k.lowerShadow(i - 2) > shadowLong.average(i) &&
                       k.body(i - 1) < k.body(i - 2) &&
                       k.open(i - 1) > k.close(i - 2) && k.open(i - 1) <= k.high(i - 2) &&
                       k.low(i - 1) < k.close(i - 2) && k.low(i - 1) >= k.low(i - 2) &&
                       k.lowerShadow(i - 1) > shortShadow1.average(i) &&
                       k.body(i) < bodyShort.average(i) &&
                       k.lowerShadow(i) < shortShadow0.average(i) &&
                       k.upperShadow(i) < shortShadow0.average(i) &&
                       k.low(i) > k.low(i - 1) && k.high(i) < k.high(i - 1);
      putAll(out, i, b0, nb, hit ? 100.0 : 0.0);
      rollAll(i, bodyLong, shadowLong, shortShadow1, shortShadow0, bodyShort);
    }
  });
}

}  // namespace tagrid::pattern::three_stars_in_south
