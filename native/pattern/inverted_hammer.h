// pattern.inverted_hammer: TA-Lib CDLINVERTEDHAMMER. A small body with a long
// upper shadow and a very short lower one, gapping down from the previous
// body: +100.
#pragma once
#include "common.h"

namespace tagrid::pattern::inverted_hammer {

constexpr int64_t kLookback = std::max(std::max(kBodyShort.period, kShadowLong.period), kShadowVeryShort.period) + 1;

inline int64_t scratch(int64_t) { return 0; }

// The scan shared with pattern.shooting_star, the same candle gapping up
// (gapsUp) instead of down; a hit is worth `signal`.
template <typename Out>
int32_t scan(const KernelCall& c, const OutView<Out>& out, bool gapsUp, double signal) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing bodyShort(k, kBodyShort, first);
    Trailing shortShadow(k, kShadowVeryShort, first);
    for (int64_t i = first; i < e; ++i) {
      // ShadowLong has period 0: its average is the bar's own body, its total unused.
      const bool hit = k.body(i) < bodyShort.average(i) &&
                       k.upperShadow(i) > k.average(kShadowLong, 0.0, i) &&
                       k.lowerShadow(i) < shortShadow.average(i) &&
                       (gapsUp ? k.bodyGapUp(i, i - 1) : k.bodyGapDown(i, i - 1));
      putAll(out, i, b0, nb, hit ? signal : 0.0);
      rollAll(i, bodyShort, shortShadow);
    }
  });
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return scan(c, out, false, 100.0);
}

}  // namespace tagrid::pattern::inverted_hammer
