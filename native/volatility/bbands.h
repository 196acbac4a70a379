// volatility.bbands: TA-Lib BBANDS with an SMA middle (mid, upper, lower).
#pragma once
#include "common.h"

namespace tagrid::volatility::bbands {

inline int64_t scratch(int64_t T) { return rollingMomentsScratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return spread<Spread::kBands>(c, out); }

}  // namespace tagrid::volatility::bbands
