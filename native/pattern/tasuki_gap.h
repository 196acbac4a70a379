// pattern.tasuki_gap: TA-Lib CDLTASUKIGAP. A candle whose body gaps away from
// the one before, then one of the opposite colour and about the same body
// size opening in its body and closing inside the gap: +100 upside (white
// gap candle), -100 downside.
#pragma once
#include "common.h"

namespace tagrid::pattern::tasuki_gap {

constexpr int64_t kLookback = kNear.period + 2;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing near(k, kNear, first, 1);
    for (int64_t i = first; i < e; ++i) {
      const bool sameSize = std::fabs(k.body(i - 1) - k.body(i)) < near.average(i);
      const bool up = k.bodyGapUp(i - 1, i - 2) && k.color(i - 1) == 1 && k.color(i) == -1 &&
                      k.open(i) < k.close(i - 1) && k.open(i) > k.open(i - 1) && k.close(i) < k.open(i - 1) &&
                      k.close(i) > k.bodyTop(i - 2) && sameSize;
      const bool down = k.bodyGapDown(i - 1, i - 2) && k.color(i - 1) == -1 && k.color(i) == 1 &&
                        k.open(i) < k.open(i - 1) && k.open(i) > k.close(i - 1) && k.close(i) > k.open(i - 1) &&
                        k.close(i) < k.bodyBottom(i - 2) && sameSize;
      putAll(out, i, b0, nb, up || down ? k.color(i - 1) * 100.0 : 0.0);
      rollAll(i, near);
    }
  });
}

}  // namespace tagrid::pattern::tasuki_gap
