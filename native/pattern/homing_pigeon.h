// pattern.homing_pigeon: TA-Lib CDLHOMINGPIGEON. A long black candle, then a
// short black one whose body lies inside the first body: +100.
#pragma once
#include "common.h"

namespace tagrid::pattern::homing_pigeon {

constexpr int64_t kLookback = std::max(kBodyShort.period, kBodyLong.period) + 1;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing bodyLong(k, kBodyLong, first, 1);
    Trailing bodyShort(k, kBodyShort, first);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.color(i - 1) == -1 && k.color(i) == -1 &&
                       k.body(i - 1) > bodyLong.average(i) &&
                       k.body(i) <= bodyShort.average(i) &&
                       k.open(i) < k.open(i - 1) && k.close(i) > k.close(i - 1);
      putAll(out, i, b0, nb, hit ? 100.0 : 0.0);
      rollAll(i, bodyLong, bodyShort);
    }
  });
}

}  // namespace tagrid::pattern::homing_pigeon
