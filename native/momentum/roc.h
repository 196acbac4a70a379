// momentum.roc: TA-Lib ROC as (x[t] - x[t-n]) * (100 / x[t-n]), with the
// scaled reciprocals taken once per call so the grid costs no division; 0
// where x[t-n] is 0, as TA-Lib. Equal values give exactly 0; elsewhere it
// differs from TA-Lib's (x / prev - 1) * 100 by TA-Lib's own rounding of
// x / prev near 1, ~1e-14 absolute. scratch: scale, reversed x and scale (3T)
#pragma once
#include "common.h"

namespace tagrid::momentum::roc {

inline int64_t scratch(int64_t T) { return 3 * T; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  const double* x = c.in[0];
  double *scale = c.scratch, *xRev = scale + c.T, *scaleRev = xRev + c.T;
  for (int64_t t = 0; t < c.T; ++t) scale[t] = x[t] != 0.0 ? 100.0 / x[t] : 0.0;
  reversed(x, c.T, xRev);
  reversed(scale, c.T, scaleRev);
  lagged<true>(c, out, LagInputs{x, scale, xRev, scaleRev, c.T});
  return kOk;
}

}  // namespace tagrid::momentum::roc
