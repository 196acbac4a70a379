// momentum.macd: TA-Lib MACD (macd, signal, hist).
#pragma once
#include "common.h"

namespace tagrid::momentum::macd {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return emaSpread(c, out, SpreadStyle{true, true, 3}, emaDifference);
}

}  // namespace tagrid::momentum::macd
