// pattern.belt_hold: TA-Lib CDLBELTHOLD. A long candle with no shadow on its
// opening side (a very short one): +100 white, -100 black.
#pragma once
#include "common.h"

namespace tagrid::pattern::belt_hold {

constexpr int64_t kLookback = std::max(kBodyLong.period, kShadowVeryShort.period);

inline int64_t scratch(int64_t) { return 0; }

// Belt hold, or with Closing the closing marubozu (no shadow on the closing
// side): a white candle opens at its low side and closes at its high side.
template <bool Closing, typename Out>
int32_t runSide(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing bodyLong(k, kBodyLong, first);
    Trailing shortShadow(k, kShadowVeryShort, first);
    for (int64_t i = first; i < e; ++i) {
      const double shadow = (k.color(i) == 1) != Closing ? k.lowerShadow(i) : k.upperShadow(i);
      const bool hit = k.body(i) > bodyLong.average(i) && shadow < shortShadow.average(i);
      putAll(out, i, b0, nb, hit ? k.color(i) * 100.0 : 0.0);
      rollAll(i, bodyLong, shortShadow);
    }
  });
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return runSide<false>(c, out); }

}  // namespace tagrid::pattern::belt_hold
