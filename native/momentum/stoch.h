// momentum.stoch: TA-Lib STOCH, smoothing fast %K (k_smoothing) and slow %K
// (d_window) with SMAs or the MA types slowk_matype and slowd_matype (params 4, 5).
// scratch: stochastic's
#pragma once
#include "common.h"

namespace tagrid::momentum::stoch {

inline int64_t scratch(int64_t T, int64_t W) { return stochasticScratch(T, W); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return stochastic(c, out, 1, 2, 3, 4, 5); }

}  // namespace tagrid::momentum::stoch
