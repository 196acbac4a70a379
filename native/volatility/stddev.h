// volatility.stddev: TA-Lib STDDEV, the standard deviation times nbdev.
#pragma once
#include "common.h"

namespace tagrid::volatility::stddev {

inline int64_t scratch(int64_t T, int64_t W) { return rollingMomentsScratch(T, W); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return spread<Spread::kStddev>(c, out); }

}  // namespace tagrid::volatility::stddev
