// volatility.natr: TA-Lib NATR = ATR / close * 100 (NaN when the close is 0).
// scratch: true ranges (T)
#pragma once
#include "common.h"

namespace tagrid::volatility::natr {

inline int64_t scratch(int64_t T) { return averageTrueRangeScratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return averageTrueRange(c, out, true, 1); }

}  // namespace tagrid::volatility::natr
