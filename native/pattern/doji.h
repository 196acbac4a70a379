// pattern.doji: TA-Lib CDLDOJI. A real body no longer than the doji threshold
// (a tenth of the average high-low range): +100.
#pragma once
#include "common.h"

namespace tagrid::pattern::doji {

constexpr int64_t kLookback = kBodyDoji.period;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing bodyDoji(k, kBodyDoji, first);
    for (int64_t i = first; i < e; ++i) {
      putAll(out, i, b0, nb, k.body(i) <= bodyDoji.average(i) ? 100.0 : 0.0);
      rollAll(i, bodyDoji);
    }
  });
}

}  // namespace tagrid::pattern::doji
