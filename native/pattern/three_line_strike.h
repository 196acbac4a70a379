// pattern.three_line_strike: TA-Lib CDL3LINESTRIKE. Three candles of one colour,
// each opening within or near the previous body and closing further on, struck
// by a fourth of the other colour that opens beyond the third close and closes
// beyond the first open: +100 after three white, -100 after three black.
#pragma once
#include "common.h"

namespace tagrid::pattern::three_line_strike {

constexpr int64_t kLookback = kNear.period + 3;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    // nearD: the Near total judging bar i - D
    Trailing near3(k, kNear, first, 3);
    Trailing near2(k, kNear, first, 2);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.color(i - 3) == k.color(i - 2) && k.color(i - 2) == k.color(i - 1) && k.color(i) == -k.color(i - 1) &&
                       k.open(i - 2) >= k.bodyBottom(i - 3) - near3.average(i) &&
                       k.open(i - 2) <= k.bodyTop(i - 3) + near3.average(i) &&
                       k.open(i - 1) >= k.bodyBottom(i - 2) - near2.average(i) &&
                       k.open(i - 1) <= k.bodyTop(i - 2) + near2.average(i) &&
                       ((k.color(i - 1) == 1 && k.close(i - 1) > k.close(i - 2) && k.close(i - 2) > k.close(i - 3) &&
                         k.open(i) > k.close(i - 1) && k.close(i) < k.open(i - 3)) ||
                        (k.color(i - 1) == -1 && k.close(i - 1) < k.close(i - 2) && k.close(i - 2) < k.close(i - 3) &&
                         k.open(i) < k.close(i - 1) && k.close(i) > k.open(i - 3)));
      putAll(out, i, b0, nb, hit ? k.color(i - 1) * 100.0 : 0.0);
      rollAll(i, near3, near2);
    }
  });
}

}  // namespace tagrid::pattern::three_line_strike
