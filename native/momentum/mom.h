// momentum.mom: TA-Lib MOM, x[t] - x[t-n]. scratch: reversed x (T)
#pragma once
#include "common.h"

namespace tagrid::momentum::mom {

inline int64_t scratch(int64_t T) { return T; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  reversed(c.in[0], c.T, c.scratch);
  lagged<Lag::kDifference>(c, out, LagInputs{c.in[0], nullptr, c.scratch, nullptr, c.T});
  return kOk;
}

}  // namespace tagrid::momentum::mom
