// momentum.stochf: TA-Lib STOCHF, fast %K and its SMA %D (d_window).
// scratch: ranges + a %D ring per block slot
#pragma once
#include "common.h"

namespace tagrid::momentum::stochf {

inline int64_t scratch(int64_t T, int64_t W) { return stochasticScratch(T, W); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return stochastic(c, out, -1, 1, 2); }

}  // namespace tagrid::momentum::stochf
