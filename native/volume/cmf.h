// volume.cmf: Chaikin money flow, money-flow volume (as in TA-Lib AD) summed
// over the window, divided by the volume summed over it.
#pragma once
#include "common.h"

namespace tagrid::volume::cmf {

inline int64_t scratch(int64_t T, int64_t W) { return windowRatioScratch(T, W); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2], *volume = c.in[3];
  return perVolume(c, out, [&](int64_t t) { return moneyFlowVolume(high[t], low[t], close[t], volume[t]); });
}

}  // namespace tagrid::volume::cmf
