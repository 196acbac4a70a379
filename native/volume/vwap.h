// volume.vwap: rolling VWAP, typical price * volume summed over the window,
// divided by the volume summed over it.
#pragma once
#include "common.h"

namespace tagrid::volume::vwap {

inline int64_t scratch(int64_t T, int64_t W) { return windowRatioScratch(T, W); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2], *volume = c.in[3];
  return perVolume(c, out, [&](int64_t t) { return typicalPrice(high[t], low[t], close[t]) * volume[t]; });
}

}  // namespace tagrid::volume::vwap
