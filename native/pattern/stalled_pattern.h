// pattern.stalled_pattern: TA-Lib CDLSTALLEDPATTERN. Two long white candles
// with rising closes, the second opening within or near the first body with a
// very short upper shadow, then a small white one opening near the second
// close (riding on its shoulder): -100.
#pragma once
#include "common.h"

namespace tagrid::pattern::stalled_pattern {

constexpr int64_t kLookback =
    std::max(std::max(kBodyLong.period, kBodyShort.period), std::max(kShadowVeryShort.period, kNear.period)) + 2;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, int64_t first, int64_t e) {
    // bodyLongD, nearD: the totals judging bar i - D
    double bodyLong2 = k.total(kBodyLong, first - 2), bodyLong1 = k.total(kBodyLong, first - 1);
    double bodyShort = k.total(kBodyShort, first);
    double shortShadow = k.total(kShadowVeryShort, first - 1);
    double near2 = k.total(kNear, first - 2), near1 = k.total(kNear, first - 1);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.color(i - 2) == 1 && k.color(i - 1) == 1 && k.color(i) == 1 &&
                       k.close(i) > k.close(i - 1) && k.close(i - 1) > k.close(i - 2) &&
                       k.body(i - 2) > k.average(kBodyLong, bodyLong2, i - 2) &&
                       k.body(i - 1) > k.average(kBodyLong, bodyLong1, i - 1) &&
                       k.upperShadow(i - 1) < k.average(kShadowVeryShort, shortShadow, i - 1) &&
                       k.open(i - 1) > k.open(i - 2) && k.open(i - 1) <= k.close(i - 2) + k.average(kNear, near2, i - 2) &&
                       k.body(i) < k.average(kBodyShort, bodyShort, i) &&
                       k.open(i) >= k.close(i - 1) - k.body(i) - k.average(kNear, near1, i - 1);
      putAll(out, i, b0, nb, hit ? -100.0 : 0.0);
      bodyLong2 = k.roll(kBodyLong, bodyLong2, i - 2);
      near2 = k.roll(kNear, near2, i - 2);
      bodyLong1 = k.roll(kBodyLong, bodyLong1, i - 1);
      near1 = k.roll(kNear, near1, i - 1);
      bodyShort = k.roll(kBodyShort, bodyShort, i);
      shortShadow = k.roll(kShadowVeryShort, shortShadow, i - 1);
    }
  });
}

}  // namespace tagrid::pattern::stalled_pattern
