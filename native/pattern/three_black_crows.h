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
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    // shortShadowD: the ShadowVeryShort total judging bar i - D
    Trailing shortShadow2(k, kShadowVeryShort, first, 2);
    Trailing shortShadow1(k, kShadowVeryShort, first, 1);
    Trailing shortShadow0(k, kShadowVeryShort, first);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.color(i - 3) == 1 &&
                       k.color(i - 2) == -1 && k.lowerShadow(i - 2) < shortShadow2.average(i) &&
                       k.color(i - 1) == -1 && k.lowerShadow(i - 1) < shortShadow1.average(i) &&
                       k.color(i) == -1 && k.lowerShadow(i) < shortShadow0.average(i) &&
                       k.open(i - 1) < k.open(i - 2) && k.open(i - 1) > k.close(i - 2) &&
                       k.open(i) < k.open(i - 1) && k.open(i) > k.close(i - 1) &&
                       k.high(i - 3) > k.close(i - 2) && k.close(i - 2) > k.close(i - 1) && k.close(i - 1) > k.close(i);
      putAll(out, i, b0, nb, hit ? -100.0 : 0.0);
      rollAll(i, shortShadow2, shortShadow1, shortShadow0);
    }
  });
}

}  // namespace tagrid::pattern::three_black_crows
