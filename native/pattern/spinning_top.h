// pattern.spinning_top: TA-Lib CDLSPINNINGTOP. A small body with both
// shadows longer than the body: +100 white, -100 black.
#pragma once
#include "common.h"

namespace tagrid::pattern::spinning_top {

constexpr int64_t kLookback = kBodyShort.period;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing bodyShort(k, kBodyShort, first);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.body(i) < bodyShort.average(i) &&
                       k.upperShadow(i) > k.body(i) && k.lowerShadow(i) > k.body(i);
      putAll(out, i, b0, nb, hit ? k.color(i) * 100.0 : 0.0);
      rollAll(i, bodyShort);
    }
  });
}

}  // namespace tagrid::pattern::spinning_top
