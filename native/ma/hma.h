// ma.hma: Hull, WMA(2·WMA(x, n/2) − WMA(x, n), floor(√n)): three lanes of
// running WMAs per block. The hull WMA reads its input m bars back from a
// ring of the last hullRing(W) differences, one row of the block per bar.
// scratch: the ring (hullRing(W) rows of a block)
#pragma once
#include "common.h"

namespace tagrid::ma::hma {

inline int64_t hullSpan(double n) { return static_cast<int64_t>(std::sqrt(n)); }

// Rows of the ring for windows up to W: a power of two above floor(sqrt(W)),
// at least 32 (windows up to 1,023 share one small ring).
inline int64_t hullRing(int64_t W) {
  int64_t rows = 32;
  while (rows <= hullSpan(static_cast<double>(W))) rows *= 2;
  return rows;
}
inline int64_t scratch(int64_t, int64_t W) { return hullRing(W) * kBlock; }

inline int64_t hullSlot(int64_t t, int64_t mask) { return (t & mask) * kBlock; }

// back[j] = the difference of lane j from m[j] bars before t.
inline void hullBack(const double* __restrict ring, int64_t mask, const int32_t* __restrict m, int64_t t, int nb, double* __restrict back) {
  for (int j = 0; j < nb; ++j) back[j] = ring[hullSlot(t - m[j], mask) + j];
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const int64_t mask = hullRing(callWindow(c, {0})) - 1;
  if (c.scratchLen < (mask + 1) * kBlock) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  const double* x = c.in[0];
  double* ring = c.scratch;
  forEachBlock(c, [&](int64_t b0, int nb) {
    WmaLanes half, full, hull;
    alignas(64) double diff[kBlock], back[kBlock], row[kBlock];
    int64_t warm = 0;
    for (int j = 0; j < nb; ++j) {
      const double n = c.param[0][b0 + j];
      half.setSpan(j, static_cast<int64_t>(n) / 2);
      full.setSpan(j, static_cast<int64_t>(n));
      hull.setSpan(j, hullSpan(n));
      // From this age on all three WMAs of lane j slide over real values.
      warm = std::max<int64_t>(warm, full.lag[j] - 1 + hull.lag[j]);
    }
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        half.clear(nb);
        full.clear(nb);
        hull.clear(nb);
        const int64_t steady = std::min(e, s + warm);
        int64_t t = s;
        for (; t < steady; ++t) {
          const int64_t age = t - s;
          for (int j = 0; j < nb; ++j) {
            const double h = half.feed(j, x[t], x[t - std::min<int64_t>(age, half.lag[j])], age);
            const double f = full.feed(j, x[t], x[t - std::min<int64_t>(age, full.lag[j])], age);
            if (age + 1 < full.lag[j]) { row[j] = kNaN; continue; }
            const int64_t i = age + 1 - full.lag[j];
            const double d = 2.0 * h - f;
            const double b = ring[hullSlot(t - std::min<int64_t>(i, hull.lag[j]), mask) + j];
            ring[hullSlot(t, mask) + j] = d;
            row[j] = hull.feed(j, d, b, i);
          }
          out.putRow(0, t, b0, nb, row);
        }
        for (; t < e; ++t) {
          half.slide(x, t, nb, diff);
          full.slide(x, t, nb, row);
          for (int j = 0; j < nb; ++j) diff[j] = 2.0 * diff[j] - row[j];
          hullBack(ring, mask, hull.lag, t, nb, back);
          std::copy(diff, diff + nb, ring + hullSlot(t, mask));
          hull.slide(diff, back, nb, row);
          out.putRow(0, t, b0, nb, row);
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::ma::hma
