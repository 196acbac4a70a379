// pattern.matching_low: TA-Lib CDLMATCHINGLOW. Two black candles closing at
// about the same price: +100.
#pragma once
#include "common.h"

namespace tagrid::pattern::matching_low {

constexpr int64_t kLookback = kEqual.period + 1;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing equal(k, kEqual, first, 1);
    for (int64_t i = first; i < e; ++i) {
      const double same = equal.average(i);
      const bool hit = k.color(i - 1) == -1 && k.color(i) == -1 &&
                       k.close(i) <= k.close(i - 1) + same && k.close(i) >= k.close(i - 1) - same;
      putAll(out, i, b0, nb, hit ? 100.0 : 0.0);
      rollAll(i, equal);
    }
  });
}

}  // namespace tagrid::pattern::matching_low
