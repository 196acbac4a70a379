// pattern.gap_side_side_white: TA-Lib CDLGAPSIDESIDEWHITE, up / down-gap
// side-by-side white lines. Two white candles of about the same size opening at
// about the same price, both bodies gapping away from the candle before them:
// +100 when they gap up, -100 when they gap down.
#pragma once
#include "common.h"

namespace tagrid::pattern::gap_side_side_white {

constexpr int64_t kLookback = std::max(kNear.period, kEqual.period) + 2;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing near(k, kNear, first, 1);
    Trailing equal(k, kEqual, first, 1);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = ((k.bodyGapUp(i - 1, i - 2) && k.bodyGapUp(i, i - 2)) ||
                        (k.bodyGapDown(i - 1, i - 2) && k.bodyGapDown(i, i - 2))) &&
                       k.color(i - 1) == 1 && k.color(i) == 1 &&
                       k.body(i) >= k.body(i - 1) - near.average(i) &&
                       k.body(i) <= k.body(i - 1) + near.average(i) &&
                       k.open(i) >= k.open(i - 1) - equal.average(i) &&
                       k.open(i) <= k.open(i - 1) + equal.average(i);
      putAll(out, i, b0, nb, hit ? (k.bodyGapUp(i - 1, i - 2) ? 100.0 : -100.0) : 0.0);
      rollAll(i, near, equal);
    }
  });
}

}  // namespace tagrid::pattern::gap_side_side_white
