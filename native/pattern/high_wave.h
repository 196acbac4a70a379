// pattern.high_wave: TA-Lib CDLHIGHWAVE. A short body with very long upper and
// lower shadows: +100 white, -100 black.
#pragma once
#include "common.h"

namespace tagrid::pattern::high_wave {

constexpr int64_t kLookback = std::max(kBodyShort.period, kShadowVeryLong.period);

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing bodyShort(k, kBodyShort, first);
    Trailing shadowVeryLong(k, kShadowVeryLong, first);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.body(i) < bodyShort.average(i) &&
                       k.upperShadow(i) > shadowVeryLong.average(i) &&
                       k.lowerShadow(i) > shadowVeryLong.average(i);
      putAll(out, i, b0, nb, hit ? k.color(i) * 100.0 : 0.0);
      rollAll(i, bodyShort, shadowVeryLong);
    }
  });
}

}  // namespace tagrid::pattern::high_wave
