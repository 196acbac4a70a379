// pattern.xside_gap_three_methods: TA-Lib CDLXSIDEGAP3METHODS. Two candles of
// one colour with a body gap in their direction, then one of the opposite
// colour opening inside the second body and closing inside the first: +100
// upside (white), -100 downside (black). No candle setting is involved.
#pragma once
#include "common.h"

namespace tagrid::pattern::xside_gap_three_methods {

constexpr int64_t kLookback = 2;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.color(i - 2) == k.color(i - 1) && k.color(i - 1) == -k.color(i) &&
                       k.open(i) < k.bodyTop(i - 1) && k.open(i) > k.bodyBottom(i - 1) &&
                       k.close(i) < k.bodyTop(i - 2) && k.close(i) > k.bodyBottom(i - 2) &&
                       ((k.color(i - 2) == 1 && k.bodyGapUp(i - 1, i - 2)) ||
                        (k.color(i - 2) == -1 && k.bodyGapDown(i - 1, i - 2)));
      putAll(out, i, b0, nb, hit ? k.color(i - 2) * 100.0 : 0.0);
    }
  });
}

}  // namespace tagrid::pattern::xside_gap_three_methods
