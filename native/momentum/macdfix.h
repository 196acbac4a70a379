// momentum.macdfix: TA-Lib MACDFIX (macd, signal, hist), MACD(12, 26) with
// the fixed factors 0.15 and 0.075.
#pragma once
#include "common.h"

namespace tagrid::momentum::macdfix {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return emaSpread(c, out, SpreadStyle{true, true, -1, true}, emaDifference);
}

}  // namespace tagrid::momentum::macdfix
