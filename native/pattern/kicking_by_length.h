// pattern.kicking_by_length: TA-Lib CDLKICKINGBYLENGTH. The kicking pattern
// of pattern.kicking, bullish or bearish by the colour of the longer of the
// two marubozu: +100 white, -100 black.
#pragma once
#include "kicking.h"

namespace tagrid::pattern::kicking_by_length {

constexpr int64_t kLookback = kicking::kLookback;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return kicking::scan(c, out, [](const Candles& k, int64_t i) {
    return k.color(k.body(i) > k.body(i - 1) ? i : i - 1) * 100.0;
  });
}

}  // namespace tagrid::pattern::kicking_by_length
