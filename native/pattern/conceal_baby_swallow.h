// pattern.conceal_baby_swallow: TA-Lib CDLCONCEALBABYSWALL, concealing baby
// swallow. Two black marubozu, a black candle gapping down whose upper shadow
// reaches into the second body, and a black candle engulfing it, shadows
// included: +100.
#pragma once
#include "common.h"

namespace tagrid::pattern::conceal_baby_swallow {

constexpr int64_t kLookback = kShadowVeryShort.period + 3;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing shortShadow3(k, kShadowVeryShort, first, 3);
    Trailing shortShadow2(k, kShadowVeryShort, first, 2);
    Trailing shortShadow1(k, kShadowVeryShort, first, 1);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.color(i - 3) == -1 && k.color(i - 2) == -1 && k.color(i - 1) == -1 && k.color(i) == -1 &&
                       k.lowerShadow(i - 3) < shortShadow3.average(i) &&
                       k.upperShadow(i - 3) < shortShadow3.average(i) &&
                       k.lowerShadow(i - 2) < shortShadow2.average(i) &&
                       k.upperShadow(i - 2) < shortShadow2.average(i) &&
                       k.bodyGapDown(i - 1, i - 2) &&
                       k.upperShadow(i - 1) > shortShadow1.average(i) &&
                       k.high(i - 1) > k.close(i - 2) &&
                       k.high(i) > k.high(i - 1) && k.low(i) < k.low(i - 1);
      putAll(out, i, b0, nb, hit ? 100.0 : 0.0);
      rollAll(i, shortShadow3, shortShadow2, shortShadow1);
    }
  });
}

}  // namespace tagrid::pattern::conceal_baby_swallow
