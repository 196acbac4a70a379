// pattern.breakaway: TA-Lib CDLBREAKAWAY. A long candle, a second of the same
// colour whose body gaps away, two more candles going further, and a fifth of
// the other colour closing inside the gap: +100 bullish (first black), -100 bearish.
#pragma once
#include "common.h"

namespace tagrid::pattern::breakaway {

constexpr int64_t kLookback = kBodyLong.period + 4;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing bodyLong(k, kBodyLong, first, 4);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.body(i - 4) > bodyLong.average(i) &&
                       k.color(i - 4) == k.color(i - 3) && k.color(i - 3) == k.color(i - 1) && k.color(i - 1) == -k.color(i) &&
                       ((k.color(i - 4) == -1 && k.bodyGapDown(i - 3, i - 4) &&
                         k.high(i - 2) < k.high(i - 3) && k.low(i - 2) < k.low(i - 3) &&
                         k.high(i - 1) < k.high(i - 2) && k.low(i - 1) < k.low(i - 2) &&
                         k.close(i) > k.open(i - 3) && k.close(i) < k.close(i - 4)) ||
                        (k.color(i - 4) == 1 && k.bodyGapUp(i - 3, i - 4) &&
                         k.high(i - 2) > k.high(i - 3) && k.low(i - 2) > k.low(i - 3) &&
                         k.high(i - 1) > k.high(i - 2) && k.low(i - 1) > k.low(i - 2) &&
                         k.close(i) < k.open(i - 3) && k.close(i) > k.close(i - 4)));
      putAll(out, i, b0, nb, hit ? k.color(i) * 100.0 : 0.0);
      rollAll(i, bodyLong);
    }
  });
}

}  // namespace tagrid::pattern::breakaway
