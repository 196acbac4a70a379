// pattern.ladder_bottom: TA-Lib CDLLADDERBOTTOM. Three black candles with
// lower opens and closes, a black one with an upper shadow, and a white one
// opening above its body and closing above its high: +100.
#pragma once
#include "common.h"

namespace tagrid::pattern::ladder_bottom {

constexpr int64_t kLookback = kShadowVeryShort.period + 4;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing shortShadow(k, kShadowVeryShort, first, 1);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.color(i - 4) == -1 && k.color(i - 3) == -1 && k.color(i - 2) == -1 &&
                       k.open(i - 4) > k.open(i - 3) && k.open(i - 3) > k.open(i - 2) &&
                       k.close(i - 4) > k.close(i - 3) && k.close(i - 3) > k.close(i - 2) &&
                       k.color(i - 1) == -1 && k.upperShadow(i - 1) > shortShadow.average(i) &&
                       k.color(i) == 1 && k.open(i) > k.open(i - 1) && k.close(i) > k.high(i - 1);
      putAll(out, i, b0, nb, hit ? 100.0 : 0.0);
      rollAll(i, shortShadow);
    }
  });
}

}  // namespace tagrid::pattern::ladder_bottom
