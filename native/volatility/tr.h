// volatility.tr: TA-Lib TRANGE. The first bar of a segment has no previous
// close, so no value. Memory-bound: one branch-free pass per variant straight
// into its output row, which vectorizes. inputs: high, low, close. No scratch.
#pragma once
#include "common.h"

namespace tagrid::volatility::tr {

inline int64_t scratch(int64_t) { return 0; }

// 0 when bars t-1 and t are valid, NaN otherwise: x - x is 0 for a number.
inline double trGap(const double* high, const double* low, const double* close, int64_t t) {
  return (high[t] - high[t]) + (low[t] - low[t]) + (close[t] - close[t]) +
         (high[t - 1] - high[t - 1]) + (low[t - 1] - low[t - 1]) + (close[t - 1] - close[t - 1]);
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  Out* const base = out.ptr[0];
  if (!base || c.T == 0) return kOk;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2];
  const int64_t stride = out.timeStride;
  for (int64_t v = c.v0; v < c.v1; ++v) {
    Out* row = base + v * out.variantStride;
    row[0] = static_cast<Out>(kNaN);
    for (int64_t t = 1; t < c.T; ++t)
      row[t * stride] = static_cast<Out>(trueRange(high[t], low[t], close[t - 1]) + trGap(high, low, close, t));
  }
  return kOk;
}

}  // namespace tagrid::volatility::tr
