// pattern.long_line: TA-Lib CDLLONGLINE. A long body with short shadows:
// +100 white, -100 black.
#pragma once
#include "common.h"

namespace tagrid::pattern::long_line {

constexpr int64_t kLookback = std::max(kBodyLong.period, kShadowShort.period);

inline int64_t scratch(int64_t) { return 0; }

// The one-candle scan shared with pattern.marubozu and pattern.short_line: a
// body longer (longBody) or shorter than setting `body` with both shadows
// shorter than setting `shadow`, signed by the candle's colour.
template <typename Out>
int32_t scan(const KernelCall& c, const OutView<Out>& out, int64_t lookback, const CandleSetting& body, bool longBody,
             const CandleSetting& shadow) {
  const Candles k(c);
  return forEachRun(c, out, lookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing bodyTotal(k, body, first);
    Trailing shadowTotal(k, shadow, first);
    for (int64_t i = first; i < e; ++i) {
      const double bodyAverage = bodyTotal.average(i), shadowAverage = shadowTotal.average(i);
      const bool hit = (longBody ? k.body(i) > bodyAverage : k.body(i) < bodyAverage) &&
                       k.upperShadow(i) < shadowAverage && k.lowerShadow(i) < shadowAverage;
      putAll(out, i, b0, nb, hit ? k.color(i) * 100.0 : 0.0);
      rollAll(i, bodyTotal, shadowTotal);
    }
  });
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return scan(c, out, kLookback, kBodyLong, true, kShadowShort);
}

}  // namespace tagrid::pattern::long_line
