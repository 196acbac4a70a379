// momentum.roc: TA-Lib ROC as (x[t] - x[t-n]) * (100 / x[t-n]); 0 where
// x[t-n] is 0, as TA-Lib. It differs from TA-Lib's (x / prev - 1) * 100 by
// TA-Lib's own rounding of x / prev near 1, ~1e-14 absolute.
// scratch: scale, reversed x and scale (3T)
#pragma once
#include "common.h"

namespace tagrid::momentum::roc {

inline int64_t scratch(int64_t T) { return rateScratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return rate<Lag::kChange>(c, out, 100.0); }

}  // namespace tagrid::momentum::roc
