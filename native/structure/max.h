// structure.max: TA-Lib MAX over the last n bars. scratch: one sparse table
#pragma once
#include "common.h"

namespace tagrid::structure::max {

inline int64_t scratch(int64_t T) { return extremesScratch(T, 1); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return rollingExtremes<Extreme::kMax>(c, out, 1); }

}  // namespace tagrid::structure::max
