// momentum.apo: TA-Lib APO with EMAs (matype 1).
#pragma once
#include "common.h"

namespace tagrid::momentum::apo {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return emaSpread(c, out, SpreadStyle{false, false, 2}, emaDifference);
}

}  // namespace tagrid::momentum::apo
