// volatility.hv: 100 * population stddev of the last `window` log returns
// * sqrt(annualization). A return needs two positive prices; a window holding
// an undefined return is NaN. log1p of the relative change keeps full relative
// precision for small returns, where log(x[t] / x[t-1]) would not.
// scratch: returns (T) + rolling moments
#pragma once
#include "common.h"

namespace tagrid::volatility::hv {

inline int64_t scratch(int64_t T) { return T + rollingMomentsScratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  const double* x = c.in[0];
  double* ret = c.scratch;
  for (int64_t t = 0; t < c.T; ++t)
    ret[t] = t > 0 && x[t] > 0.0 && x[t - 1] > 0.0 ? std::log1p((x[t] - x[t - 1]) / x[t - 1]) : kNaN;
  RollingMoments m;
  const double *window = c.param[0], *annualization = c.param[1];
  forEachMomentsBlock(c, 0, ret, c.scratch + c.T, m, [&](int64_t b0, int nb) {
    double scale[kBlock];
    for (int j = 0; j < nb; ++j) scale[j] = 100.0 * std::sqrt(annualization[b0 + j]);
    for (int64_t t = 0; t < c.T; ++t) {
      for (int j = 0; j < nb; ++j) {
        const int64_t w = static_cast<int64_t>(window[b0 + j]);
        out.put(0, t, b0 + j, m.valid(t, w) ? std::sqrt(m.variance(t, w)) * scale[j] : kNaN);
      }
    }
  });
  return kOk;
}

}  // namespace tagrid::volatility::hv
