// pattern.three_black_crows: TA-Lib CDL3BLACKCROWS. After a white candle,
// three black ones with very short lower shadows, each opening inside the
// previous body and closing lower, the first closing under the white's high: -100.
#pragma once
#include "common.h"

namespace tagrid::pattern::three_black_crows {

constexpr int64_t kLookback = kShadowVeryShort.period + 3;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, int64_t first, int64_t e) {
    // shortShadowD: the ShadowVeryShort total judging bar i - D
    double shortShadow2 = k.total(kShadowVeryShort, first - 2);
    double shortShadow1 = k.total(kShadowVeryShort, first - 1);
    double shortShadow0 = k.total(kShadowVeryShort, first);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.color(i - 3) == 1 &&
                       k.color(i - 2) == -1 && k.lowerShadow(i - 2) < k.average(kShadowVeryShort, shortShadow2, i - 2) &&
                       k.color(i - 1) == -1 && k.lowerShadow(i - 1) < k.average(kShadowVeryShort, shortShadow1, i - 1) &&
                       k.color(i) == -1 && k.lowerShadow(i) < k.average(kShadowVeryShort, shortShadow0, i) &&
                       k.open(i - 1) < k.open(i - 2) && k.open(i - 1) > k.close(i - 2) &&
                       k.open(i) < k.open(i - 1) && k.open(i) > k.close(i - 1) &&
                       k.high(i - 3) > k.close(i - 2) && k.close(i - 2) > k.close(i - 1) && k.close(i - 1) > k.close(i);
      putAll(out, i, b0, nb, hit ? -100.0 : 0.0);
      shortShadow2 = k.roll(kShadowVeryShort, shortShadow2, i - 2);
      shortShadow1 = k.roll(kShadowVeryShort, shortShadow1, i - 1);
      shortShadow0 = k.roll(kShadowVeryShort, shortShadow0, i);
    }
  });
}

}  // namespace tagrid::pattern::three_black_crows
