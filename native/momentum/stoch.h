// momentum.stoch: TA-Lib STOCH with SMA smoothing of fast %K (k_smoothing)
// and of slow %K (d_window). scratch: ranges + a slow %K and a %D ring per block slot
#pragma once
#include "common.h"

namespace tagrid::momentum::stoch {

inline int64_t scratch(int64_t T, int64_t W) { return stochasticScratch(T, W); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return stochastic(c, out, 1, 2, 3); }

}  // namespace tagrid::momentum::stoch
