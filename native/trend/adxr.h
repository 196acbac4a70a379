// trend.adxr: TA-Lib ADXR, the mean of the ADX and the ADX n-1 bars back;
// params window, seed.
// scratch: +DM, -DM and TR (3T) and a ring of recent ADX per block lane
#pragma once
#include "common.h"

namespace tagrid::trend::adxr {

inline int64_t scratch(int64_t T, int64_t W) { return directionalScratch(T, W, true); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return directionalSystem<true>(c, out, {-1, 1, -1}); }

}  // namespace tagrid::trend::adxr
