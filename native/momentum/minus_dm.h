// momentum.minus_dm: TA-Lib MINUS_DM. scratch: +DM and -DM (2T)
#pragma once
#include "common.h"

namespace tagrid::momentum::minus_dm {

inline int64_t scratch(int64_t T) { return directionalMovementScratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return directionalMovement<false>(c, out); }

}  // namespace tagrid::momentum::minus_dm
