// momentum.bop: TA-Lib BOP, (close - open) / (high - low), 0 when the range is
// below 1e-14 (TA_IS_ZERO_OR_NEG). No parameters: every variant is the same.
#pragma once
#include "common.h"

namespace tagrid::momentum::bop {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const double *open = c.in[0], *high = c.in[1], *low = c.in[2], *close = c.in[3];
  for (int64_t t = 0; t < c.T; ++t) {
    const double range = high[t] - low[t];
    const double v = !validAt(c.in, 4, t) ? kNaN : range < 1e-14 ? 0.0 : (close[t] - open[t]) / range;
    for (int64_t k = c.v0; k < c.v1; ++k) out.put(0, t, k, v);
  }
  return kOk;
}

}  // namespace tagrid::momentum::bop
