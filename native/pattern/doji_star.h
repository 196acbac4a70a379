// pattern.doji_star: TA-Lib CDLDOJISTAR. A long candle and a doji whose body
// gaps away in its direction: -100 after a white candle (bearish), +100 after a
// black one.
#pragma once
#include "common.h"

namespace tagrid::pattern::doji_star {

constexpr int64_t kLookback = std::max(kBodyDoji.period, kBodyLong.period) + 1;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing bodyLong(k, kBodyLong, first, 1);
    Trailing bodyDoji(k, kBodyDoji, first);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.body(i - 1) > bodyLong.average(i) &&
                       k.body(i) <= bodyDoji.average(i) &&
                       ((k.color(i - 1) == 1 && k.bodyGapUp(i, i - 1)) || (k.color(i - 1) == -1 && k.bodyGapDown(i, i - 1)));
      putAll(out, i, b0, nb, hit ? -k.color(i - 1) * 100.0 : 0.0);
      rollAll(i, bodyLong, bodyDoji);
    }
  });
}

}  // namespace tagrid::pattern::doji_star
