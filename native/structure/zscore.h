// structure.zscore: (x - mean) / population standard deviation of the last n
// values, from RollingMoments built once per chunk length; NaN on a flat window.
#pragma once
#include <cmath>
#include "common.h"

namespace tagrid::structure::zscore {

inline int64_t scratch(int64_t T, int64_t W) { return rollingMomentsScratch(T, W); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T, callWindow(c, {0}))) return kScratchTooSmall;
  MomentsInput in;
  if (!momentsInput(c, 0, c.in[0], c.scratch, in)) return kBadParam;
  RollingMoments moments;
  forEachMomentsBlock(c, 0, in, moments, [&](int64_t b0, int nb) {
    for (int64_t t = 0; t < c.T; ++t) {
      for (int j = 0; j < nb; ++j) {
        const int64_t w = static_cast<int64_t>(c.param[0][b0 + j]);
        double v = kNaN;
        if (moments.valid(t, w)) v = ratioOrNaN(moments.deviation(t, w), std::sqrt(moments.variance(t, w)));
        out.put(0, t, b0 + j, v);
      }
    }
  });
  return kOk;
}

}  // namespace tagrid::structure::zscore
