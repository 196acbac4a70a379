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
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    // bodyLongD, nearD: the totals judging bar i - D
    Trailing bodyLong2(k, kBodyLong, first, 2);
    Trailing bodyLong1(k, kBodyLong, first, 1);
    Trailing bodyShort(k, kBodyShort, first);
    Trailing shortShadow(k, kShadowVeryShort, first, 1);
    Trailing near2(k, kNear, first, 2);
    Trailing near1(k, kNear, first, 1);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.color(i - 2) == 1 && k.color(i - 1) == 1 && k.color(i) == 1 &&
                       k.close(i) > k.close(i - 1) && k.close(i - 1) > k.close(i - 2) &&
                       k.body(i - 2) > bodyLong2.average(i) &&
                       k.body(i - 1) > bodyLong1.average(i) &&
                       k.upperShadow(i - 1) < shortShadow.average(i) &&
                       k.open(i - 1) > k.open(i - 2) && k.open(i - 1) <= k.close(i - 2) + near2.average(i) &&
                       k.body(i) < bodyShort.average(i) &&
                       k.open(i) >= k.close(i - 1) - k.body(i) - near1.average(i);
      putAll(out, i, b0, nb, hit ? -100.0 : 0.0);
      rollAll(i, bodyLong2, near2, bodyLong1, near1, bodyShort, shortShadow);
    }
  });
}

}  // namespace tagrid::pattern::stalled_pattern
