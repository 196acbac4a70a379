// volume.ad: TA-Lib AD, the running sum of money-flow volume. scratch: ad (T)
#pragma once
#include "common.h"

namespace tagrid::volume::ad {

inline int64_t scratch(int64_t T) { return T; }

// Kernel state (per variant, the same in each): the sum at the last bar, NaN
// after a NaN bar.
template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if ((c.stateIn || c.stateOut) && (!c.stateIn || c.stateLen < c.v1)) return kBadParam;
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  adLine(c, c.scratch, c.stateIn ? c.stateIn[c.v0] : kNaN);
  for (int64_t t = 0; t < c.T; ++t) putEvery(c, out, 0, t, c.scratch[t]);
  if (c.stateOut)
    for (int64_t v = c.v0; v < c.v1; ++v) c.stateOut[v] = c.T > 0 ? c.scratch[c.T - 1] : c.stateIn[v];
  return kOk;
}

}  // namespace tagrid::volume::ad
