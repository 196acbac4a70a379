// volatility.atr: TA-Lib ATR. scratch: true ranges (T)
#pragma once
#include "common.h"

namespace tagrid::volatility::atr {

inline int64_t scratch(int64_t T) { return averageTrueRangeScratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return averageTrueRange(c, out, false, 1); }

}  // namespace tagrid::volatility::atr
