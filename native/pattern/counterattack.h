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
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing equal(k, kEqual, first, 1);
    Trailing bodyLong1(k, kBodyLong, first, 1);
    Trailing bodyLong0(k, kBodyLong, first);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.color(i - 1) == -k.color(i) &&
                       k.body(i - 1) > bodyLong1.average(i) &&
                       k.body(i) > bodyLong0.average(i) &&
                       k.close(i) <= k.close(i - 1) + equal.average(i) &&
                       k.close(i) >= k.close(i - 1) - equal.average(i);
      putAll(out, i, b0, nb, hit ? k.color(i) * 100.0 : 0.0);
      rollAll(i, equal, bodyLong1, bodyLong0);
    }
  });
}

}  // namespace tagrid::pattern::counterattack
