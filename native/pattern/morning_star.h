// pattern.morning_star: TA-Lib CDLMORNINGSTAR. A long black candle, a short
// one whose body gaps down, and a white candle longer than short closing
// above the first close by more than `penetration` of the first body: +100.
#pragma once
#include "common.h"

namespace tagrid::pattern::morning_star {

constexpr int64_t kLookback = std::max(kBodyShort.period, kBodyLong.period) + 2;

inline int64_t scratch(int64_t) { return 0; }

// The star scan, shared with pattern.morning_doji_star: the middle candle's
// body is at most setting `star`'s average.
template <typename Out>
int32_t scan(const KernelCall& c, const OutView<Out>& out, int64_t lookback, const CandleSetting& star) {
  const Candles k(c);
  const double* penetration = c.param[0];
  return forEachRun(c, out, lookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing bodyLong(k, kBodyLong, first, 2);
    Trailing starTotal(k, star, first, 1);
    Trailing bodyShort(k, kBodyShort, first);
    for (int64_t i = first; i < e; ++i) {
      const bool shape = k.body(i - 2) > bodyLong.average(i) && k.color(i - 2) == -1 &&
                         k.body(i - 1) <= starTotal.average(i) && k.bodyGapDown(i - 1, i - 2) &&
                         k.body(i) > bodyShort.average(i) && k.color(i) == 1;
      for (int j = 0; j < nb; ++j) {
        const bool hit = shape && k.close(i) > k.close(i - 2) + k.body(i - 2) * penetration[b0 + j];
        out.put(0, i, b0 + j, hit ? 100.0 : 0.0);
      }
      rollAll(i, bodyLong, starTotal, bodyShort);
    }
  });
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return scan(c, out, kLookback, kBodyShort);
}

}  // namespace tagrid::pattern::morning_star
