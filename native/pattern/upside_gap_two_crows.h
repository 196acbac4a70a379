// pattern.upside_gap_two_crows: TA-Lib CDLUPSIDEGAP2CROWS. A long white
// candle, a short black one whose body gaps up, and a black one engulfing the
// second body but closing above the first close: -100.
#pragma once
#include "common.h"

namespace tagrid::pattern::upside_gap_two_crows {

constexpr int64_t kLookback = std::max(kBodyShort.period, kBodyLong.period) + 2;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing bodyLong(k, kBodyLong, first, 2);
    Trailing bodyShort(k, kBodyShort, first, 1);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.color(i - 2) == 1 && k.body(i - 2) > bodyLong.average(i) &&
                       k.color(i - 1) == -1 && k.body(i - 1) <= bodyShort.average(i) &&
                       k.bodyGapUp(i - 1, i - 2) &&
                       k.color(i) == -1 && k.open(i) > k.open(i - 1) && k.close(i) < k.close(i - 1) &&
                       k.close(i) > k.close(i - 2);
      putAll(out, i, b0, nb, hit ? -100.0 : 0.0);
      rollAll(i, bodyLong, bodyShort);
    }
  });
}

}  // namespace tagrid::pattern::upside_gap_two_crows
