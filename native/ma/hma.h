// ma.hma: Hull, WMA(2·WMA(x, n/2) − WMA(x, n), floor(√n)). A window up to
// kDenseWma reads its two WMAs of x from the block's sums of every window
// (WmaDiagonal) and sums its hull WMA afresh from the ring of its last
// differences (m = floor(√n) <= 16 values, oldest first); a longer window
// keeps three running WMAs (WmaLanes), packed. Which one a variant takes
// depends on its window alone. The ring holds the differences of the last
// hullRing(W) bars, one row of the block per bar.
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

// Longest hull span of a window summed afresh: floor(sqrt(kDenseWma)).
constexpr int kDeepestHull = 16;
static_assert(kDeepestHull * kDeepestHull == kDenseWma, "hull spans of dense windows fit the weight table");

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
    WmaDiagonal diag;
    WmaLanes half, full, hull;  // the long windows, packed: lane i is variant b0 + longLane[i]
    // Lane j: its entries of diag.sums and its hull span m[j] (all 0 for a
    // long window: every hull weight 0), its dividers (1 / the hull's). The
    // two WMAs of x are divided: their difference cancels where the level
    // shifts, where a rounded 1 / divider made the error 18x (5e-13).
    alignas(64) double halfDiv[kBlock], fullDiv[kBlock], hullScale[kBlock], diff[kBlock], back[kBlock], row[kBlock];
    // weight[a][j]: lane j's hull weight of the difference a bars back, m[j] - a (0 from m[j] on).
    alignas(64) double weight[kDeepestHull][kBlock];
    int32_t halfAt[kBlock], fullAt[kBlock], n[kBlock], m[kBlock], longLane[kBlock];
    int nLong = 0, deepest = 0;  // deepest: the longest hull span of a dense lane (<= kDeepestHull)
    int64_t warm = 0;
    for (int j = 0; j < nb; ++j) {
      const double w = c.param[0][b0 + j];
      n[j] = static_cast<int32_t>(w);
      const int32_t h = n[j] / 2, mj = static_cast<int32_t>(hullSpan(w));
      halfDiv[j] = wmaDivider(h);
      fullDiv[j] = wmaDivider(n[j]);
      hullScale[j] = 1.0 / wmaDivider(mj);
      // From this age on all three WMAs of lane j have full windows.
      warm = std::max<int64_t>(warm, n[j] - 1 + mj);
      if (n[j] <= kDenseWma) {
        halfAt[j] = h;
        fullAt[j] = n[j];
        m[j] = mj;
        diag.depth = std::max(diag.depth, n[j]);
        deepest = std::max(deepest, mj);
      } else {
        halfAt[j] = fullAt[j] = m[j] = 0;
        half.setSpan(nLong, h);
        full.setSpan(nLong, n[j]);
        hull.setSpan(nLong, mj);
        longLane[nLong++] = j;
      }
      for (int a = 0; a < kDeepestHull; ++a) weight[a][j] = std::max(m[j] - a, 0);
    }
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        half.clear(nLong);
        full.clear(nLong);
        hull.clear(nLong);
        const int64_t steady = std::min(e, s + warm);
        int64_t t = s;
        for (; t < steady; ++t) {
          const int64_t age = t - s;
          diag.push(x[t]);
          double* slot = ring + hullSlot(t, mask);
          for (int j = 0; j < nb; ++j) {
            row[j] = kNaN;
            if (m[j] == 0 || age + 1 < n[j]) continue;
            slot[j] = 2.0 * (diag.sums[halfAt[j]] / halfDiv[j]) - diag.sums[fullAt[j]] / fullDiv[j];
            if (age + 2 < n[j] + m[j]) continue;
            double sum = 0.0;
            for (int k = 1; k <= m[j]; ++k) sum = sum + k * ring[hullSlot(t - m[j] + k, mask) + j];
            row[j] = sum * hullScale[j];
          }
          for (int i = 0; i < nLong; ++i) {
            const int j = longLane[i];
            const double h = half.feed(i, x[t], x[t - std::min<int64_t>(age, half.lag[i])], age);
            const double f = full.feed(i, x[t], x[t - std::min<int64_t>(age, full.lag[i])], age);
            if (age + 1 < full.lag[i]) continue;
            const int64_t k = age + 1 - full.lag[i];
            const double d = 2.0 * h - f;
            const double b = ring[hullSlot(t - std::min<int64_t>(k, hull.lag[i]), mask) + j];
            slot[j] = d;
            row[j] = hull.feed(i, d, b, k);
          }
          out.putRow(0, t, b0, nb, row);
        }
        for (; t < e; ++t) {
          diag.push(x[t]);
          const double* __restrict sums = diag.sums;
          for (int j = 0; j < nb; ++j) diff[j] = 2.0 * (sums[halfAt[j]] / halfDiv[j]) - sums[fullAt[j]] / fullDiv[j];
          for (int i = 0; i < nLong; ++i) {
            const int j = longLane[i];
            const double h = half.next(i, x[t], x[t - half.lag[i]]);
            diff[j] = 2.0 * h - full.next(i, x[t], x[t - full.lag[i]]);
            back[i] = ring[hullSlot(t - hull.lag[i], mask) + j];
          }
          std::copy(diff, diff + nb, ring + hullSlot(t, mask));
          // Each dense hull WMA summed oldest first; a lane with a shorter
          // span than the deepest starts with weights 0 (adding zeros: the same bits).
          std::fill(row, row + nb, 0.0);
          for (int a = deepest - 1; a >= 0; --a) {
            const double* __restrict past = ring + hullSlot(t - a, mask);
            const double* __restrict w = weight[a];
            for (int j = 0; j < nb; ++j) row[j] = row[j] + w[j] * past[j];
          }
          for (int j = 0; j < nb; ++j) row[j] = row[j] * hullScale[j];
          for (int i = 0; i < nLong; ++i) row[longLane[i]] = hull.next(i, diff[longLane[i]], back[i]);
          out.putRow(0, t, b0, nb, row);
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::ma::hma
