// structure.correl: Pearson's correlation of inputs 0 and 1 over n bars, as
// TA-Lib CORREL, computed in two passes over the window (the means, then the
// sums of centered products), O(n) per bar. TA-Lib slides raw sums of x², y²
// and xy and subtracts them into the spreads, which cancels: on its own test
// data it is off by up to 1.8e-6 (close against volume over 2 bars, where the
// correlation is exactly ±1), and a constant window is exactly 0 here.
#pragma once
#include <cmath>
#include "common.h"

namespace tagrid::structure::correl {

inline int64_t scratch(int64_t) { return 0; }

// 0 where the product of the spreads is below 1e-14, as TA-Lib.
inline double correlation(const double* x, const double* y, int64_t t, int64_t n) {
  const double nd = static_cast<double>(n);
  double mx = 0.0, my = 0.0;
  for (int64_t i = t - n + 1; i <= t; ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= nd;
  my /= nd;
  double sxx = 0.0, syy = 0.0, sxy = 0.0;
  for (int64_t i = t - n + 1; i <= t; ++i) {
    const double dx = x[i] - mx, dy = y[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  const double spread = sxx * syy;
  return spread < 1e-14 ? 0.0 : sxy / std::sqrt(spread);
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const double *x = c.in[0], *y = c.in[1];
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t w[kBlock];
    for (int j = 0; j < nb; ++j) w[j] = static_cast<int64_t>(c.param[0][b0 + j]);
    putWindowed(c, out, 2, b0, nb, w, [&](int j, int64_t t) { return correlation(x, y, t, w[j]); },
      [&](Out* __restrict r, int64_t t) {
        for (int j = 0; j < nb; ++j) r[j] = static_cast<Out>(correlation(x, y, t, w[j]));
      });
  });
  return kOk;
}

}  // namespace tagrid::structure::correl
