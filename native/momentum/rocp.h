// momentum.rocp: TA-Lib ROCP as (x[t] - x[t-n]) * (1 / x[t-n]); 0 where x[t-n] is 0, as TA-Lib.
// scratch: scale, reversed x and scale (3T)
#pragma once
#include "common.h"

namespace tagrid::momentum::rocp {

inline int64_t scratch(int64_t T) { return rateScratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return rate<Lag::kChange>(c, out, 1.0); }

}  // namespace tagrid::momentum::rocp
