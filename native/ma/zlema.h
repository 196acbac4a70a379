// ma.zlema: EMA of x + (x − x[t−lag]), lag = (n − 1)/2.
#pragma once
#include "common.h"

namespace tagrid::ma::zlema {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return emaChain<EmaChain::Zlema>(c, out, 1); }

}  // namespace tagrid::ma::zlema
