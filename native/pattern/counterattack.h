// pattern.counterattack: TA-Lib CDLCOUNTERATTACK. Two long candles of opposite
// colours closing at about the same price (within Equal of each other): +100
// when the second is white, -100 when black.
#pragma once
#include "common.h"

namespace tagrid::pattern::counterattack {

constexpr int64_t kLookback = std::max(kEqual.period, kBodyLong.period) + 1;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, int64_t first, int64_t e) {
    double equal = k.total(kEqual, first - 1);
    double bodyLong1 = k.total(kBodyLong, first - 1);
    double bodyLong0 = k.total(kBodyLong, first);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.color(i - 1) == -k.color(i) &&
                       k.body(i - 1) > k.average(kBodyLong, bodyLong1, i - 1) &&
                       k.body(i) > k.average(kBodyLong, bodyLong0, i) &&
                       k.close(i) <= k.close(i - 1) + k.average(kEqual, equal, i - 1) &&
                       k.close(i) >= k.close(i - 1) - k.average(kEqual, equal, i - 1);
      putAll(out, i, b0, nb, hit ? k.color(i) * 100.0 : 0.0);
      equal = k.roll(kEqual, equal, i - 1);
      bodyLong1 = k.roll(kBodyLong, bodyLong1, i - 1);
      bodyLong0 = k.roll(kBodyLong, bodyLong0, i);
    }
  });
}

}  // namespace tagrid::pattern::counterattack
