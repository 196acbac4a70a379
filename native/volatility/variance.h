// volatility.variance: TA-Lib VAR, the population variance of the window.
#pragma once
#include "common.h"

namespace tagrid::volatility::variance {

inline int64_t scratch(int64_t T, int64_t W) { return rollingMomentsScratch(T, W); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return spread<Spread::kVariance>(c, out); }

}  // namespace tagrid::volatility::variance
