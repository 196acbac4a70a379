// trend.adx: TA-Lib ADX with PLUS_DI, MINUS_DI and DX; params window,
// adx_window, seed, zero_denominator. scratch: +DM, -DM and TR (3T)
#pragma once
#include "common.h"

namespace tagrid::trend::adx {

inline int64_t scratch(int64_t T) { return directionalScratch(T, 0, false); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return directionalSystem<false>(c, out, {1, 2, 3}); }

}  // namespace tagrid::trend::adx
