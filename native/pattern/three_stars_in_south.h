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
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, int64_t first, int64_t e) {
    double bodyLong = k.total(kBodyLong, first - 2);
    double shadowLong = k.total(kShadowLong, first - 2);
    double shortShadow1 = k.total(kShadowVeryShort, first - 1);
    double shortShadow0 = k.total(kShadowVeryShort, first);
    double bodyShort = k.total(kBodyShort, first);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.color(i - 2) == -1 && k.color(i - 1) == -1 && k.color(i) == -1 &&
                       k.body(i - 2) > k.average(kBodyLong, bodyLong, i - 2) &&
                       k.lowerShadow(i - 2) > k.average(kShadowLong, shadowLong, i - 2) &&
                       k.body(i - 1) < k.body(i - 2) &&
                       k.open(i - 1) > k.close(i - 2) && k.open(i - 1) <= k.high(i - 2) &&
                       k.low(i - 1) < k.close(i - 2) && k.low(i - 1) >= k.low(i - 2) &&
                       k.lowerShadow(i - 1) > k.average(kShadowVeryShort, shortShadow1, i - 1) &&
                       k.body(i) < k.average(kBodyShort, bodyShort, i) &&
                       k.lowerShadow(i) < k.average(kShadowVeryShort, shortShadow0, i) &&
                       k.upperShadow(i) < k.average(kShadowVeryShort, shortShadow0, i) &&
                       k.low(i) > k.low(i - 1) && k.high(i) < k.high(i - 1);
      putAll(out, i, b0, nb, hit ? 100.0 : 0.0);
      bodyLong = k.roll(kBodyLong, bodyLong, i - 2);
      shadowLong = k.roll(kShadowLong, shadowLong, i - 2);
      shortShadow1 = k.roll(kShadowVeryShort, shortShadow1, i - 1);
      shortShadow0 = k.roll(kShadowVeryShort, shortShadow0, i);
      bodyShort = k.roll(kBodyShort, bodyShort, i);
    }
  });
}

}  // namespace tagrid::pattern::three_stars_in_south
