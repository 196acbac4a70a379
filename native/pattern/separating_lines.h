// pattern.separating_lines: TA-Lib CDLSEPARATINGLINES. A candle, then one of
// the opposite colour opening at about the same price with a long body and
// almost no shadow on its opening side (a belt hold): +100 white second
// candle, -100 black.
#pragma once
#include "common.h"

namespace tagrid::pattern::separating_lines {

constexpr int64_t kLookback = std::max(std::max(kShadowVeryShort.period, kBodyLong.period), kEqual.period) + 1;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing shortShadow(k, kShadowVeryShort, first);
    Trailing bodyLong(k, kBodyLong, first);
    Trailing equal(k, kEqual, first, 1);
    for (int64_t i = first; i < e; ++i) {
      const double same = equal.average(i);
      const double shadow = shortShadow.average(i);
      const bool hit = k.color(i - 1) == -k.color(i) &&
                       k.open(i) <= k.open(i - 1) + same && k.open(i) >= k.open(i - 1) - same &&
                       k.body(i) > bodyLong.average(i) &&
                       ((k.color(i) == 1 && k.lowerShadow(i) < shadow) || (k.color(i) == -1 && k.upperShadow(i) < shadow));
      putAll(out, i, b0, nb, hit ? k.color(i) * 100.0 : 0.0);
      rollAll(i, shortShadow, bodyLong, equal);
    }
  });
}

}  // namespace tagrid::pattern::separating_lines
