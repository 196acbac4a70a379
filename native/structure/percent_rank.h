// structure.percent_rank: 100 * (how many of the previous n values are <= x[t]) / n,
// Pine Script's ta.percentrank. One backward scan per bar counts for every
// window of the block at once. scratch: lastGap (T) + counts (W + 1)
#pragma once
#include "common.h"

namespace tagrid::structure::percent_rank {

inline int64_t scratch(int64_t T, int64_t W) { return T + W + 1; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T, callWindow(c, {0}))) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  const double* x = c.in[0];
  double* lastGap = c.scratch;
  double* notAbove = c.scratch + c.T;  // notAbove[i]: how many of x[t-i .. t-1] are <= x[t]
  lastGaps(x, c.T, lastGap);
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t w[kBlock], longest = 0;
    for (int j = 0; j < nb; ++j) {
      w[j] = static_cast<int64_t>(c.param[0][b0 + j]);
      longest = std::max(longest, w[j]);
    }
    for (int64_t t = 0; t < c.T; ++t) {
      const int64_t run = t - static_cast<int64_t>(lastGap[t]);
      const int64_t reach = std::min(longest, run - 1);
      double count = 0.0;
      for (int64_t i = 1; i <= reach; ++i) {
        if (x[t - i] <= x[t]) count += 1.0;
        notAbove[i] = count;
      }
      for (int j = 0; j < nb; ++j)
        out.put(0, t, b0 + j, run > w[j] ? 100.0 * (notAbove[w[j]] / static_cast<double>(w[j])) : kNaN);
    }
  });
  return kOk;
}

}  // namespace tagrid::structure::percent_rank
