// ma.ema: TA-Lib EMA, k = 2/(n+1), seeded with the mean of the first n values.
#pragma once
#include "common.h"

namespace tagrid::ma::ema {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return emaChain<EmaChain::Ema>(c, out, 1); }

}  // namespace tagrid::ma::ema
