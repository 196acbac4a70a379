// pattern.three_outside: TA-Lib CDL3OUTSIDE, three outside up / down. An
// engulfing pair (the second body engulfs the first, of the other colour) and a
// third candle closing further in the second one's direction: +100 up, -100 down.
#pragma once
#include "common.h"

namespace tagrid::pattern::three_outside {

constexpr int64_t kLookback = 3;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    for (int64_t i = first; i < e; ++i) {
      const bool hit = (k.color(i - 1) == 1 && k.color(i - 2) == -1 && k.close(i - 1) > k.open(i - 2) &&
                        k.open(i - 1) < k.close(i - 2) && k.close(i) > k.close(i - 1)) ||
                       (k.color(i - 1) == -1 && k.color(i - 2) == 1 && k.open(i - 1) > k.close(i - 2) &&
                        k.close(i - 1) < k.open(i - 2) && k.close(i) < k.close(i - 1));
      putAll(out, i, b0, nb, hit ? k.color(i - 1) * 100.0 : 0.0);
    }
  });
}

}  // namespace tagrid::pattern::three_outside
