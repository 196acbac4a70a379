// pattern.harami: TA-Lib CDLHARAMI. A long candle and a short one whose body
// lies inside the first body: +100 bullish (first black), -100 bearish; +80 /
// -80 when one end of the bodies coincides.
#pragma once
#include "common.h"

namespace tagrid::pattern::harami {

constexpr int64_t kLookback = std::max(kBodyShort.period, kBodyLong.period) + 1;

inline int64_t scratch(int64_t) { return 0; }

// The harami, whose second candle is judged by Second: BodyShort here,
// BodyDoji for the harami cross.
template <const CandleSetting& Second, typename Out>
int32_t runWith(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  constexpr int64_t lookback = std::max(Second.period, kBodyLong.period) + 1;
  return forEachRun(c, out, lookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing bodyLong(k, kBodyLong, first, 1);
    Trailing second(k, Second, first);
    for (int64_t i = first; i < e; ++i) {
      double v = 0.0;
      if (k.body(i - 1) > bodyLong.average(i) && k.body(i) <= second.average(i)) {
        if (k.bodyTop(i) < k.bodyTop(i - 1) && k.bodyBottom(i) > k.bodyBottom(i - 1)) v = -k.color(i - 1) * 100.0;
        else if (k.bodyTop(i) <= k.bodyTop(i - 1) && k.bodyBottom(i) >= k.bodyBottom(i - 1)) v = -k.color(i - 1) * 80.0;
      }
      putAll(out, i, b0, nb, v);
      rollAll(i, bodyLong, second);
    }
  });
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return runWith<kBodyShort>(c, out); }

}  // namespace tagrid::pattern::harami
