// volume.ad: TA-Lib AD, the running sum of money-flow volume. scratch: ad (T)
#pragma once
#include "common.h"

namespace tagrid::volume::ad {

inline int64_t scratch(int64_t T) { return T; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  adLine(c, c.scratch);
  for (int64_t t = 0; t < c.T; ++t) putEvery(c, out, 0, t, c.scratch[t]);
  return kOk;
}

}  // namespace tagrid::volume::ad
