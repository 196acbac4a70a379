// pattern.identical_three_crows: TA-Lib CDLIDENTICAL3CROWS. Three declining
// black candles with very short lower shadows, the second and third opening
// about where the previous one closed: -100.
#pragma once
#include "common.h"

namespace tagrid::pattern::identical_three_crows {

constexpr int64_t kLookback = std::max(kShadowVeryShort.period, kEqual.period) + 2;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, int64_t first, int64_t e) {
    // shortShadowD, equalD: the totals judging bar i - D
    double shortShadow2 = k.total(kShadowVeryShort, first - 2);
    double shortShadow1 = k.total(kShadowVeryShort, first - 1);
    double shortShadow0 = k.total(kShadowVeryShort, first);
    double equal2 = k.total(kEqual, first - 2);
    double equal1 = k.total(kEqual, first - 1);
    for (int64_t i = first; i < e; ++i) {
      const double same2 = k.average(kEqual, equal2, i - 2), same1 = k.average(kEqual, equal1, i - 1);
      const bool hit = k.color(i - 2) == -1 && k.lowerShadow(i - 2) < k.average(kShadowVeryShort, shortShadow2, i - 2) &&
                       k.color(i - 1) == -1 && k.lowerShadow(i - 1) < k.average(kShadowVeryShort, shortShadow1, i - 1) &&
                       k.color(i) == -1 && k.lowerShadow(i) < k.average(kShadowVeryShort, shortShadow0, i) &&
                       k.close(i - 2) > k.close(i - 1) && k.close(i - 1) > k.close(i) &&
                       k.open(i - 1) <= k.close(i - 2) + same2 && k.open(i - 1) >= k.close(i - 2) - same2 &&
                       k.open(i) <= k.close(i - 1) + same1 && k.open(i) >= k.close(i - 1) - same1;
      putAll(out, i, b0, nb, hit ? -100.0 : 0.0);
      shortShadow2 = k.roll(kShadowVeryShort, shortShadow2, i - 2);
      shortShadow1 = k.roll(kShadowVeryShort, shortShadow1, i - 1);
      shortShadow0 = k.roll(kShadowVeryShort, shortShadow0, i);
      equal2 = k.roll(kEqual, equal2, i - 2);
      equal1 = k.roll(kEqual, equal1, i - 1);
    }
  });
}

}  // namespace tagrid::pattern::identical_three_crows
