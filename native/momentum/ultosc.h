// momentum.ultosc: TA-Lib ULTOSC. Buying pressure C - min(L, C_prev) and the
// true range are computed once per call. Per variant, three running sums of
// each, primed from their own first bars as TA-Lib does, kept with their
// rounding errors (compensatedAdd) so they do not drift along a long run. The windows are
// sorted first, as TA-Lib does, so the shortest gets weight 4.
// scratch: bp (T) + tr (T)
#pragma once
#include <algorithm>
#include "common.h"

namespace tagrid::momentum::ultosc {

inline int64_t scratch(int64_t T) { return 2 * T; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2];
  double* bp = c.scratch;
  double* tr = c.scratch + c.T;
  for (int64_t t = 1; t < c.T; ++t) {
    bp[t] = close[t] - (low[t] < close[t - 1] ? low[t] : close[t - 1]);
    tr[t] = trueRange(high[t], low[t], close[t - 1]);
  }
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t p[3][kBlock];
    for (int j = 0; j < nb; ++j) {
      double w[3] = {c.param[0][b0 + j], c.param[1][b0 + j], c.param[2][b0 + j]};
      std::sort(w, w + 3);
      for (int q = 0; q < 3; ++q) p[q][j] = static_cast<int64_t>(w[q]);
    }
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        double a[3][kBlock], b[3][kBlock], ea[3][kBlock], eb[3][kBlock];  // sums and their errors
        for (int q = 0; q < 3; ++q) {
          std::fill(a[q], a[q] + nb, 0.0);
          std::fill(b[q], b[q] + nb, 0.0);
          std::fill(ea[q], ea[q] + nb, 0.0);
          std::fill(eb[q], eb[q] + nb, 0.0);
        }
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const int64_t first = s + p[2][j];  // first output bar
            for (int q = 0; q < 3; ++q) {
              if (t > first - p[q][j]) {
                compensatedAdd(a[q][j], ea[q][j], bp[t]);
                compensatedAdd(b[q][j], eb[q][j], tr[t]);
              }
            }
            double v = kNaN;
            if (t >= first) {
              double A[3], B[3];
              for (int q = 0; q < 3; ++q) {
                A[q] = a[q][j] + ea[q][j];
                B[q] = b[q][j] + eb[q][j];
              }
              double sum = 0.0;
              if (!nearZero(B[0])) sum += 4.0 * (A[0] / B[0]);
              if (!nearZero(B[1])) sum += 2.0 * (A[1] / B[1]);
              if (!nearZero(B[2])) sum += A[2] / B[2];
              v = 100.0 * (sum / 7.0);
              for (int q = 0; q < 3; ++q) {
                const int64_t oldest = t - p[q][j] + 1;
                compensatedAdd(a[q][j], ea[q][j], -bp[oldest]);
                compensatedAdd(b[q][j], eb[q][j], -tr[oldest]);
              }
            }
            out.put(0, t, b0 + j, v);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::momentum::ultosc
