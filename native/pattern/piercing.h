// pattern.piercing: TA-Lib CDLPIERCING. A long black candle, then a long
// white one opening below its low and closing inside its body, above the
// middle: +100.
#pragma once
#include "common.h"

namespace tagrid::pattern::piercing {

constexpr int64_t kLookback = kBodyLong.period + 1;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    // bodyLongD: the total judging bar i - D
    Trailing bodyLong1(k, kBodyLong, first, 1);
    Trailing bodyLong0(k, kBodyLong, first);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.color(i - 1) == -1 && k.body(i - 1) > bodyLong1.average(i) &&
                       k.color(i) == 1 && k.body(i) > bodyLong0.average(i) &&
                       k.open(i) < k.low(i - 1) && k.close(i) < k.open(i - 1) &&
                       k.close(i) > k.close(i - 1) + k.body(i - 1) * 0.5;
      putAll(out, i, b0, nb, hit ? 100.0 : 0.0);
      rollAll(i, bodyLong1, bodyLong0);
    }
  });
}

}  // namespace tagrid::pattern::piercing
