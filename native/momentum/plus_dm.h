// momentum.plus_dm: TA-Lib PLUS_DM. scratch: +DM and -DM (2T)
#pragma once
#include "common.h"

namespace tagrid::momentum::plus_dm {

inline int64_t scratch(int64_t T) { return directionalMovementScratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return directionalMovement<true>(c, out); }

}  // namespace tagrid::momentum::plus_dm
