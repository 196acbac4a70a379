// pattern.engulfing: TA-Lib CDLENGULFING. A candle whose body engulfs the
// previous body of the other colour: +100 bullish (white engulfing black), -100
// bearish; +80 / -80 when one end of the bodies coincides (TA-Lib's code for an
// engulfing that is not strict at both ends).
#pragma once
#include "common.h"

namespace tagrid::pattern::engulfing {

constexpr int64_t kLookback = 2;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    for (int64_t i = first; i < e; ++i) {
      const bool hit = (k.color(i) == 1 && k.color(i - 1) == -1 &&
                        ((k.close(i) >= k.open(i - 1) && k.open(i) < k.close(i - 1)) ||
                         (k.close(i) > k.open(i - 1) && k.open(i) <= k.close(i - 1)))) ||
                       (k.color(i) == -1 && k.color(i - 1) == 1 &&
                        ((k.open(i) >= k.close(i - 1) && k.close(i) < k.open(i - 1)) ||
                         (k.open(i) > k.close(i - 1) && k.close(i) <= k.open(i - 1))));
      const bool strict = k.open(i) != k.close(i - 1) && k.close(i) != k.open(i - 1);
      putAll(out, i, b0, nb, hit ? k.color(i) * (strict ? 100.0 : 80.0) : 0.0);
    }
  });
}

}  // namespace tagrid::pattern::engulfing
