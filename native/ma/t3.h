// ma.t3: TA-Lib T3 (Tillson), six stages k·x + (1 − k)·e weighted by c1..c4 of the volume factor.
#pragma once
#include "common.h"

namespace tagrid::ma::t3 {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return emaChain<EmaChain::T3>(c, out, 2); }

}  // namespace tagrid::ma::t3
