// structure.midpoint: TA-Lib MIDPOINT, (max + min) / 2 of the last n values. scratch: two sparse tables
#pragma once
#include "common.h"

namespace tagrid::structure::midpoint {

inline int64_t scratch(int64_t T) { return extremesScratch(T, 2); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return rollingExtremes<Extreme::kMid>(c, out, 1); }

}  // namespace tagrid::structure::midpoint
