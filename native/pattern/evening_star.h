// pattern.evening_star: TA-Lib CDLEVENINGSTAR. A long white candle, a short
// one whose body gaps up, and a black candle that is not short closing more
// than `penetration` of the first body below its close: -100.
#pragma once
#include "common.h"

namespace tagrid::pattern::evening_star {

constexpr int64_t kLookback = std::max(kBodyShort.period, kBodyLong.period) + 2;

inline int64_t scratch(int64_t) { return 0; }

// The evening star, whose middle candle is judged by Middle: BodyShort here,
// BodyDoji for the evening doji star.
template <const CandleSetting& Middle, typename Out>
int32_t runWith(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  constexpr int64_t lookback = std::max(std::max(Middle.period, kBodyLong.period), kBodyShort.period) + 2;
  return forEachRun(c, out, lookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    for (int j = 0; j < nb; ++j) {
      const int64_t v = b0 + j;
      const double penetration = c.param[0][v];
      Trailing bodyLong(k, kBodyLong, first, 2);
      Trailing middle(k, Middle, first, 1);
      Trailing bodyShort(k, kBodyShort, first);
      for (int64_t i = first; i < e; ++i) {
        const bool hit = k.body(i - 2) > bodyLong.average(i) && k.color(i - 2) == 1 &&
                         k.body(i - 1) <= middle.average(i) && k.bodyGapUp(i - 1, i - 2) &&
                         k.body(i) > bodyShort.average(i) && k.color(i) == -1 &&
                         k.close(i) < k.close(i - 2) - k.body(i - 2) * penetration;
        out.put(0, i, v, hit ? -100.0 : 0.0);
        rollAll(i, bodyLong, middle, bodyShort);
      }
    }
  });
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return runWith<kBodyShort>(c, out); }

}  // namespace tagrid::pattern::evening_star
