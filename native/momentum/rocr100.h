// momentum.rocr100: TA-Lib ROCR100 as x[t] * (100 / x[t-n]); 0 where x[t-n] is 0, as TA-Lib.
// scratch: scale, reversed x and scale (3T)
#pragma once
#include "common.h"

namespace tagrid::momentum::rocr100 {

inline int64_t scratch(int64_t T) { return rateScratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return rate<Lag::kRatio>(c, out, 100.0); }

}  // namespace tagrid::momentum::rocr100
