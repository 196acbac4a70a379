// structure.pivots: bar p is a pivot high when its high is above each of the
// `left` highs before it and not below any of the `right` highs after it (of
// equal highs the first counts); pivot lows likewise. The pivot's value is
// reported at bar p + right, the first bar at which it is known, and NaN
// elsewhere. inputs: high, low; params: left, right.
// scratch: two sparse tables + lastGap (T)
#pragma once
#include "common.h"

namespace tagrid::structure::pivots {

inline int64_t scratch(int64_t T) { return RollingRange::scratch(T) + T; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const int64_t T = c.T;
  if (c.scratchLen < scratch(T)) return kScratchTooSmall;
  if (!windowsFit(c, 0) || !windowsFit(c, 1)) return kBadParam;
  const double *high = c.in[0], *low = c.in[1];
  double* lastGap = c.scratch;
  inputGaps(c, 2, lastGap);
  RollingRange range;
  range.build(high, low, T, static_cast<int64_t>(std::max(maxParam(c, 0), maxParam(c, 1))), lastGap + T);
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t left[kBlock], right[kBlock];
    RollingRange::Window before[kBlock], after[kBlock];
    for (int j = 0; j < nb; ++j) {
      left[j] = static_cast<int64_t>(c.param[0][b0 + j]);
      right[j] = static_cast<int64_t>(c.param[1][b0 + j]);
      before[j] = range.window(left[j]);
      after[j] = range.window(right[j]);
    }
    for (int64_t t = 0; t < T; ++t) {
      const int64_t run = t - static_cast<int64_t>(lastGap[t]);
      for (int j = 0; j < nb; ++j) {
        double ph = kNaN, pl = kNaN;
        if (run > left[j] + right[j]) {
          const int64_t p = t - right[j];
          if (high[p] > before[j].upper(p - 1) && high[p] >= after[j].upper(t)) ph = high[p];
          if (low[p] < before[j].lower(p - 1) && low[p] <= after[j].lower(t)) pl = low[p];
        }
        out.put(0, t, b0 + j, ph);
        out.put(1, t, b0 + j, pl);
      }
    }
  });
  return kOk;
}

}  // namespace tagrid::structure::pivots
