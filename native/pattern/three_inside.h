// pattern.three_inside: TA-Lib CDL3INSIDE, three inside up / down. A long
// candle, a short one inside its body (a harami), and a third of the opposite
// colour closing beyond the first one's open: +100 up (first black), -100 down.
#pragma once
#include "common.h"

namespace tagrid::pattern::three_inside {

constexpr int64_t kLookback = std::max(kBodyShort.period, kBodyLong.period) + 2;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing bodyLong(k, kBodyLong, first, 2);
    Trailing bodyShort(k, kBodyShort, first, 1);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.body(i - 2) > bodyLong.average(i) &&
                       k.body(i - 1) <= bodyShort.average(i) &&
                       k.bodyTop(i - 1) < k.bodyTop(i - 2) && k.bodyBottom(i - 1) > k.bodyBottom(i - 2) &&
                       ((k.color(i - 2) == 1 && k.color(i) == -1 && k.close(i) < k.open(i - 2)) ||
                        (k.color(i - 2) == -1 && k.color(i) == 1 && k.close(i) > k.open(i - 2)));
      putAll(out, i, b0, nb, hit ? -k.color(i - 2) * 100.0 : 0.0);
      rollAll(i, bodyLong, bodyShort);
    }
  });
}

}  // namespace tagrid::pattern::three_inside
