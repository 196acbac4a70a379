// momentum.williams_r: TA-Lib WILLR, (HH - close) / ((HH - LL) / -100), 0 when
// HH == LL (NaN with zero_denominator 'nan', param 1). inputs high, low,
// close. scratch: ranges
#pragma once
#include "common.h"

namespace tagrid::momentum::williams_r {

inline int64_t scratch(int64_t T) { return RollingRange::scratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  RollingRange range;
  range.build(c.in[0], c.in[1], c.T, callWindow(c, {0}), c.scratch);
  const double* close = c.in[2];
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t w[kBlock];
    RollingRange::Window win[kBlock];
    range.windows(c.param[0], b0, nb, w, win);
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            double v = kNaN;
            if (t - s >= w[j] - 1) {
              const double hh = win[j].upper(t);
              const double diff = (hh - win[j].lower(t)) / -100.0;
              v = diff != 0.0 ? (hh - close[t]) / diff : zeroDenominator(c, 1, b0 + j, 0.0);
            }
            out.put(0, t, b0 + j, v);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::momentum::williams_r
