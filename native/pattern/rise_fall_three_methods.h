// pattern.rise_fall_three_methods: TA-Lib CDLRISEFALL3METHODS. A long
// candle, three small ones of the opposite colour moving against it within
// its range, and a long candle of the first colour opening beyond the last
// close and closing beyond the first close: +100 rising (white first), -100
// falling.
#pragma once
#include "common.h"

namespace tagrid::pattern::rise_fall_three_methods {

constexpr int64_t kLookback = std::max(kBodyShort.period, kBodyLong.period) + 4;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    // bodyLongD, bodyShortD: the totals judging bar i - D
    Trailing bodyLong4(k, kBodyLong, first, 4);
    Trailing bodyShort3(k, kBodyShort, first, 3);
    Trailing bodyShort2(k, kBodyShort, first, 2);
    Trailing bodyShort1(k, kBodyShort, first, 1);
    Trailing bodyLong0(k, kBodyLong, first);
    for (int64_t i = first; i < e; ++i) {
      // Prices times the first colour: TA-Lib writes the rising and falling cases as one.
      const double dir = static_cast<double>(k.color(i - 4));
      auto withinFirst = [&](int64_t j) { return k.bodyBottom(j) < k.high(i - 4) && k.bodyTop(j) > k.low(i - 4); };
      const bool hit = k.body(i - 4) > bodyLong4.average(i) &&
                       k.body(i - 3) < bodyShort3.average(i) &&
                       k.body(i - 2) < bodyShort2.average(i) &&
                       k.body(i - 1) < bodyShort1.average(i) &&
                       k.body(i) > bodyLong0.average(i) &&
                       k.color(i - 4) == -k.color(i - 3) && k.color(i - 3) == k.color(i - 2) &&
                       k.color(i - 2) == k.color(i - 1) && k.color(i - 1) == -k.color(i) &&
                       withinFirst(i - 3) && withinFirst(i - 2) && withinFirst(i - 1) &&
                       k.close(i - 2) * dir < k.close(i - 3) * dir && k.close(i - 1) * dir < k.close(i - 2) * dir &&
                       k.open(i) * dir > k.close(i - 1) * dir && k.close(i) * dir > k.close(i - 4) * dir;
      putAll(out, i, b0, nb, hit ? 100.0 * dir : 0.0);
      rollAll(i, bodyLong4, bodyShort3, bodyShort2, bodyShort1, bodyLong0);
    }
  });
}

}  // namespace tagrid::pattern::rise_fall_three_methods
