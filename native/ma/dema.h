// ma.dema: TA-Lib DEMA, 2·E1 − E2 over two chained EMAs.
#pragma once
#include "common.h"

namespace tagrid::ma::dema {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return emaChain<EmaChain::Dema>(c, out, 1); }

}  // namespace tagrid::ma::dema
