// momentum.rsi: TA-Lib RSI, 100 * gain / (gain + loss), 0 when the sum is ~0.
#pragma once
#include "common.h"

namespace tagrid::momentum::rsi {

inline int64_t scratch(int64_t T) { return gainLossScratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return gainLoss(c, out, rsiFromAverages, 1, 2);
}

}  // namespace tagrid::momentum::rsi
