// ma.rma: Wilder's smoothing of the source, seeded with the mean of the first n values.
#pragma once
#include "common.h"

namespace tagrid::ma::rma {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return emaChain<EmaChain::Rma>(c, out, 1); }

}  // namespace tagrid::ma::rma
