// pattern.unique_three_river: TA-Lib CDLUNIQUE3RIVER. A long black candle, a
// black harami-like one with a lower low, and a short white one opening above
// that low: +100.
#pragma once
#include "common.h"

namespace tagrid::pattern::unique_three_river {

constexpr int64_t kLookback = std::max(kBodyShort.period, kBodyLong.period) + 2;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing bodyLong(k, kBodyLong, first, 2);
    Trailing bodyShort(k, kBodyShort, first);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.body(i - 2) > bodyLong.average(i) && k.color(i - 2) == -1 &&
                       k.color(i - 1) == -1 && k.close(i - 1) > k.close(i - 2) && k.open(i - 1) <= k.open(i - 2) &&
                       k.low(i - 1) < k.low(i - 2) &&
                       k.body(i) < bodyShort.average(i) && k.color(i) == 1 && k.open(i) > k.low(i - 1);
      putAll(out, i, b0, nb, hit ? 100.0 : 0.0);
      rollAll(i, bodyLong, bodyShort);
    }
  });
}

}  // namespace tagrid::pattern::unique_three_river
