// structure.avgdev: TA-Lib AVGDEV, O(window) per bar.
#pragma once
#include "common.h"

namespace tagrid::structure::avgdev {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const double* x = c.in[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t w[kBlock];
    for (int j = 0; j < nb; ++j) w[j] = static_cast<int64_t>(c.param[0][b0 + j]);
    putWindowed(c, out, 1, b0, nb, w, [&](int j, int64_t t) { return averageDeviation(x, t, w[j]); },
      [&](Out* __restrict r, int64_t t) {
        for (int j = 0; j < nb; ++j) r[j] = static_cast<Out>(averageDeviation(x, t, w[j]));
      });
  });
  return kOk;
}

}  // namespace tagrid::structure::avgdev
