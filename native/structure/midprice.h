// structure.midprice: TA-Lib MIDPRICE, (highest high + lowest low) / 2 over the last
// n bars. scratch: two sparse tables
#pragma once
#include "common.h"

namespace tagrid::structure::midprice {

inline int64_t scratch(int64_t T) { return extremesScratch(T, 2); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return rollingExtremes<Extreme::kMid>(c, out, 2); }

}  // namespace tagrid::structure::midprice
