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
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    // shortShadowD, equalD: the totals judging bar i - D
    Trailing shortShadow2(k, kShadowVeryShort, first, 2);
    Trailing shortShadow1(k, kShadowVeryShort, first, 1);
    Trailing shortShadow0(k, kShadowVeryShort, first);
    Trailing equal2(k, kEqual, first, 2);
    Trailing equal1(k, kEqual, first, 1);
    for (int64_t i = first; i < e; ++i) {
      const double same2 = equal2.average(i), same1 = equal1.average(i);
      const bool hit = k.color(i - 2) == -1 && k.lowerShadow(i - 2) < shortShadow2.average(i) &&
                       k.color(i - 1) == -1 && k.lowerShadow(i - 1) < shortShadow1.average(i) &&
                       k.color(i) == -1 && k.lowerShadow(i) < shortShadow0.average(i) &&
                       k.close(i - 2) > k.close(i - 1) && k.close(i - 1) > k.close(i) &&
                       k.open(i - 1) <= k.close(i - 2) + same2 && k.open(i - 1) >= k.close(i - 2) - same2 &&
                       k.open(i) <= k.close(i - 1) + same1 && k.open(i) >= k.close(i - 1) - same1;
      putAll(out, i, b0, nb, hit ? -100.0 : 0.0);
      rollAll(i, shortShadow2, shortShadow1, shortShadow0, equal2, equal1);
    }
  });
}

}  // namespace tagrid::pattern::identical_three_crows
