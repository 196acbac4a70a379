// momentum.stochf: TA-Lib STOCHF, fast %K and its %D over d_window, an SMA or the
// MA type fastd_matype (param 3).
// scratch: stochastic's
#pragma once
#include "common.h"

namespace tagrid::momentum::stochf {

inline int64_t scratch(int64_t T, int64_t W) { return stochasticScratch(T, W); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return stochastic(c, out, -1, 1, 2, -1, 3); }

}  // namespace tagrid::momentum::stochf
