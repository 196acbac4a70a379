// pattern.mat_hold: TA-Lib CDLMATHOLD. A long white candle, a small black one
// gapping up, two small reaction candles falling and held within the first
// body (penetrating it by less than `penetration` of its length), and a white
// candle opening above the last close and closing above the reaction highs: +100.
#pragma once
#include "common.h"

namespace tagrid::pattern::mat_hold {

constexpr int64_t kLookback = std::max(kBodyShort.period, kBodyLong.period) + 4;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  const double* penetration = c.param[0];
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    // bodyLong4, bodyShortD: the totals judging bar i - D
    Trailing bodyLong4(k, kBodyLong, first, 4);
    Trailing bodyShort3(k, kBodyShort, first, 3);
    Trailing bodyShort2(k, kBodyShort, first, 2);
    Trailing bodyShort1(k, kBodyShort, first, 1);
    for (int64_t i = first; i < e; ++i) {
      const bool shape = k.body(i - 4) > bodyLong4.average(i) &&
                         k.body(i - 3) < bodyShort3.average(i) &&
                         k.body(i - 2) < bodyShort2.average(i) &&
                         k.body(i - 1) < bodyShort1.average(i) &&
                         k.color(i - 4) == 1 && k.color(i - 3) == -1 && k.color(i) == 1 &&
                         k.bodyGapUp(i - 3, i - 4) &&
                         k.bodyBottom(i - 2) < k.close(i - 4) && k.bodyBottom(i - 1) < k.close(i - 4) &&
                         k.bodyTop(i - 2) < k.open(i - 3) && k.bodyTop(i - 1) < k.bodyTop(i - 2) &&
                         k.open(i) > k.close(i - 1) &&
                         k.close(i) > std::max(std::max(k.high(i - 3), k.high(i - 2)), k.high(i - 1));
      for (int j = 0; j < nb; ++j) {
        const double deepest = k.close(i - 4) - k.body(i - 4) * penetration[b0 + j];
        const bool hit = shape && k.bodyBottom(i - 2) > deepest && k.bodyBottom(i - 1) > deepest;
        out.put(0, i, b0 + j, hit ? 100.0 : 0.0);
      }
      rollAll(i, bodyLong4, bodyShort3, bodyShort2, bodyShort1);
    }
  });
}

}  // namespace tagrid::pattern::mat_hold
