// pattern.in_neck: TA-Lib CDLINNECK. A long black candle, then a white one
// opening below its low and closing at or just above its close: -100.
#pragma once
#include "common.h"

namespace tagrid::pattern::in_neck {

constexpr int64_t kLookback = std::max(kEqual.period, kBodyLong.period) + 1;

inline int64_t scratch(int64_t) { return 0; }

// The scan shared with pattern.on_neck and pattern.thrusting: a long black
// candle, then a white one opening below its low whose close passes
// closes(k, i, same), `same` being the Equal average judging bar i - 1: -100.
template <typename Out, typename Closes>
int32_t scan(const KernelCall& c, const OutView<Out>& out, Closes&& closes) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing equal(k, kEqual, first, 1);
    Trailing bodyLong(k, kBodyLong, first, 1);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.color(i - 1) == -1 && k.body(i - 1) > bodyLong.average(i) &&
                       k.color(i) == 1 && k.open(i) < k.low(i - 1) && closes(k, i, equal.average(i));
      putAll(out, i, b0, nb, hit ? -100.0 : 0.0);
      rollAll(i, equal, bodyLong);
    }
  });
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return scan(c, out, [](const Candles& k, int64_t i, double same) {
    return k.close(i) <= k.close(i - 1) + same && k.close(i) >= k.close(i - 1);
  });
}

}  // namespace tagrid::pattern::in_neck
