// pattern.hikkake_mod: TA-Lib CDLHIKKAKEMOD, the modified hikkake. Two
// nested inside bars, the first of them closing near its low (bullish) or
// high (bearish), then a breakout bar with a lower high and low (+100) or a
// higher high and low (-100); confirmed within three bars by a close beyond
// the second inside bar's range (+200 / -200), as in pattern.hikkake.
#pragma once
#include "hikkake.h"

namespace tagrid::pattern::hikkake_mod {

constexpr int64_t kLookback = std::max<int64_t>(1, kNear.period) + 5;

inline int64_t scratch(int64_t) { return 0; }

// +1 / -1 at a bullish / bearish breakout bar i, else 0; `near` is the Near total judging bar i - 2.
inline int patternAt(const Candles& k, int64_t i, double near) {
  const bool hit = k.high(i - 2) < k.high(i - 3) && k.low(i - 2) > k.low(i - 3) &&
                   k.high(i - 1) < k.high(i - 2) && k.low(i - 1) > k.low(i - 2) &&
                   ((k.high(i) < k.high(i - 1) && k.low(i) < k.low(i - 1) &&
                     k.close(i - 2) <= k.low(i - 2) + k.average(kNear, near, i - 2)) ||
                    (k.high(i) > k.high(i - 1) && k.low(i) > k.low(i - 1) &&
                     k.close(i - 2) >= k.high(i - 2) - k.average(kNear, near, i - 2)));
  return hit ? (k.high(i) < k.high(i - 1) ? 1 : -1) : 0;
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    hikkake::Confirmation state(first);
    // Local 2 of the kernel state: the Near total, rolled from three bars before the first output.
    double near = first.local(2, k.total(kNear, first - 5));
    for (int64_t i = first.resumed() ? first : first - 3; i < e; ++i) {
      const double v = state.step(k, i, patternAt(k, i, near));
      if (i >= first) putAll(out, i, b0, nb, v);
      near = k.roll(kNear, near, i - 2);
    }
    first.keep(2, near);
  });
}

}  // namespace tagrid::pattern::hikkake_mod
