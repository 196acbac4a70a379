// momentum.rocr: TA-Lib ROCR as x[t] * (1 / x[t-n]); 0 where x[t-n] is 0, as TA-Lib.
// scratch: scale, reversed x and scale (3T)
#pragma once
#include "common.h"

namespace tagrid::momentum::rocr {

inline int64_t scratch(int64_t T) { return rateScratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return rate<Lag::kRatio>(c, out, 1.0); }

}  // namespace tagrid::momentum::rocr
