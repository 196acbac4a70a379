// structure.beta: TA-Lib BETA, the least-squares slope of the one-bar returns
// of input 1 on those of input 0 over n bars. Returns are taken once per
// call; the four sums slide bar by bar in TA-Lib's order (add the newest,
// emit, drop the oldest). scratch: returns of both inputs (2T)
#pragma once
#include "common.h"

namespace tagrid::structure::beta {

inline int64_t scratch(int64_t T) { return 2 * T; }

// TA-Lib's one-bar return, 0 after a price within 1e-14 of 0.
inline double oneBarReturn(double prev, double x) { return nearZero(prev) ? 0.0 : (x - prev) / prev; }

struct Sums {
  double xx = 0.0, xy = 0.0, x = 0.0, y = 0.0;
  void add(double rx, double ry) { xx += rx * rx; xy += rx * ry; x += rx; y += ry; }
  void drop(double rx, double ry) { xx -= rx * rx; xy -= rx * ry; x -= rx; y -= ry; }
  double slope(double n) const {
    const double d = n * xx - x * x;
    return nearZero(d) ? 0.0 : (n * xy - x * y) / d;
  }
};

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  double *rx = c.scratch, *ry = rx + c.T;
  for (int64_t t = 1; t < c.T; ++t) {
    rx[t] = oneBarReturn(c.in[0][t - 1], c.in[0][t]);
    ry[t] = oneBarReturn(c.in[1][t - 1], c.in[1][t]);
  }
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 2, c.T,
      [&](int64_t s, int64_t e) {
        Sums sums[kBlock];
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const double n = c.param[0][b0 + j];
            const int64_t w = static_cast<int64_t>(n);
            if (t > s) sums[j].add(rx[t], ry[t]);  // the first return of a run is at its second bar
            if (t < s + w) { out.put(0, t, b0 + j, kNaN); continue; }
            out.put(0, t, b0 + j, sums[j].slope(n));
            sums[j].drop(rx[t - w + 1], ry[t - w + 1]);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::structure::beta
