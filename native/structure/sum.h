// structure.sum: TA-Lib SUM from prefix sums built once per call. scratch: prefix (2T + 2) + lastGap (T)
#pragma once
#include "common.h"

namespace tagrid::structure::sum {

inline int64_t scratch(int64_t T) { return prefixLength(T) + T; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  double *prefix = c.scratch, *lastGap = c.scratch + prefixLength(c.T);
  prefixSums(c.in[0], c.T, prefix, lastGap);
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t w[kBlock];
    for (int j = 0; j < nb; ++j) w[j] = static_cast<int64_t>(c.param[0][b0 + j]);
    putWindowed(c, out, 1, b0, nb, w,
      [&](int j, int64_t t) { return prefixWindowSum(prefix, t, w[j]); },
      [&](Out* __restrict r, int64_t t) {
        for (int j = 0; j < nb; ++j) r[j] = static_cast<Out>(prefixWindowSum(prefix, t, w[j]));
      });
  });
  return kOk;
}

}  // namespace tagrid::structure::sum
