// ma.hma: Hull, WMA(2·WMA(x, n/2) − WMA(x, n), floor(√n)). A window up to
// kDenseWma reads its two WMAs of x from the block's sums of every window
// (WmaDiagonal), each divided once per bar for the whole block (Quotients),
// and sums its hull WMA afresh from the ring of its last differences
// (m = floor(√n) <= 16 values, oldest first), the lanes of one span
// together in registers (hullRun); a longer window keeps three running WMAs
// (WmaLanes), packed. Which one a variant takes depends on its window alone.
// The ring holds the differences of the last hullRing(W) bars, one row of
// the block per bar.
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

// The quotients sums[k] / wmaDivider(k) a block's dense lanes read (their
// half and full windows' WMAs), as runs of consecutive k: a grid of
// consecutive windows n0..n1 needs n0/2..n1/2 and n0..n1, so each bar
// divides once per distinct window, two lanes at a time, instead of twice per
// lane. (Dividing the same sums by the same dividers: the bits of the
// per-lane division.)
struct Quotients {
  alignas(64) double q[kDenseWma + 1] = {};  // q[k] for k in the runs (long lanes read q[0])
  alignas(64) double div[kDenseWma + 1];
  int16_t lo[kDenseWma / 2 + 1], hi[kDenseWma / 2 + 1];  // runs [lo, hi]
  int runs = 0;

  // needed[k]: some dense lane reads q[k] (k = 0: window 1's half, 0 / 0).
  void plan(const bool* needed) {
    for (int k = 0; k <= kDenseWma; ++k) {
      div[k] = wmaDivider(k);
      if (!needed[k]) continue;
      if (runs > 0 && hi[runs - 1] == k - 1) hi[runs - 1] = static_cast<int16_t>(k);
      else lo[runs] = hi[runs] = static_cast<int16_t>(k), ++runs;
    }
  }
  void divide(const double* __restrict sums) {
    for (int r = 0; r < runs; ++r)
      for (int k = lo[r]; k <= hi[r]; ++k) q[k] = sums[k] / div[k];
  }
};

// Lane j's hull WMA at bar t, span m: its last m differences summed oldest
// first (weights 1..m), times scale[j].
inline double hullLane(const double* ring, int64_t mask, int64_t t, int m, int j, const double* scale) {
  double sum = 0.0;
  for (int k = 1; k <= m; ++k) sum = sum + k * ring[hullSlot(t - m + k, mask) + j];
  return sum * scale[j];
}

// The same for the P pairs of lanes from j0 on, all of span m, summed in
// registers: one load per value, the weight shared by the row.
template <int P>
inline void hullPairs(const double* ring, int64_t mask, int64_t t, int m, int j0, const double* scale, double* row) {
  F64x2 sum[P];
  for (F64x2& s : sum) s = F64x2::splat(0.0);
  for (int k = 1; k <= m; ++k) {
    const double* past = ring + hullSlot(t - m + k, mask) + j0;
    const F64x2 w = F64x2::splat(k);
    for (int i = 0; i < P; ++i) sum[i] = sum[i] + w * F64x2::load(past + 2 * i);
  }
  for (int i = 0; i < P; ++i) (sum[i] * F64x2::load(scale + j0 + 2 * i)).store(row + j0 + 2 * i);
}

// Hull WMAs of the lanes [j0, j0 + lanes), all of span m.
inline void hullRun(const double* ring, int64_t mask, int64_t t, int m, int j0, int lanes, const double* scale, double* row) {
  int j = j0;
  const int end = j0 + lanes;
  for (; j + 16 <= end; j += 16) hullPairs<8>(ring, mask, t, m, j, scale, row);
  if (j + 8 <= end) hullPairs<4>(ring, mask, t, m, j, scale, row), j += 8;
  if (j + 4 <= end) hullPairs<2>(ring, mask, t, m, j, scale, row), j += 4;
  if (j + 2 <= end) hullPairs<1>(ring, mask, t, m, j, scale, row), j += 2;
  if (j < end) row[j] = hullLane(ring, mask, t, m, j, scale);
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
    Quotients quot;
    WmaLanes half, full, hull;  // the long windows, packed: lane i is variant b0 + longLane[i]
    // Lane j: its entries of quot.q (0 for a long window), its hull span m[j]
    // and 1 / the hull's divider. The two WMAs of x are divided: their
    // difference cancels where the level shifts, where a rounded 1 / divider
    // made the error 18x (5e-13).
    alignas(64) double hullScale[kBlock], back[kBlock], row[kBlock];
    int32_t halfAt[kBlock], fullAt[kBlock], n[kBlock], m[kBlock], longLane[kBlock];
    // Runs of adjacent dense lanes of one hull span: [runStart[r], runStart[r] + runLanes[r]).
    int16_t runStart[kBlock], runLanes[kBlock];
    bool needed[kDenseWma + 1] = {};
    int nLong = 0, nRuns = 0;
    bool consecutive = true;  // every window dense and n[j] = n[0] + j, as in default grids
    int64_t warm = 0;
    for (int j = 0; j < nb; ++j) {
      const double w = c.param[0][b0 + j];
      n[j] = static_cast<int32_t>(w);
      const int32_t h = n[j] / 2;
      m[j] = static_cast<int32_t>(hullSpan(w));
      hullScale[j] = 1.0 / wmaDivider(m[j]);
      // From this age on all three WMAs of lane j have full windows.
      warm = std::max<int64_t>(warm, n[j] - 1 + m[j]);
      if (n[j] <= kDenseWma) {
        halfAt[j] = h;
        fullAt[j] = n[j];
        needed[h] = needed[n[j]] = true;
        diag.depth = std::max(diag.depth, n[j]);
        const int last = nRuns - 1;
        if (nRuns > 0 && runStart[last] + runLanes[last] == j && m[runStart[last]] == m[j]) ++runLanes[last];
        else runStart[nRuns] = static_cast<int16_t>(j), runLanes[nRuns++] = 1;
        consecutive = consecutive && n[j] == n[0] + j;
      } else {
        halfAt[j] = fullAt[j] = 0;
        half.setSpan(nLong, h);
        full.setSpan(nLong, n[j]);
        hull.setSpan(nLong, m[j]);
        longLane[nLong++] = j;
        consecutive = false;
      }
    }
    quot.plan(needed);
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
          quot.divide(diag.sums);
          double* slot = ring + hullSlot(t, mask);
          for (int j = 0; j < nb; ++j) {
            row[j] = kNaN;
            if (n[j] > kDenseWma || age + 1 < n[j]) continue;
            slot[j] = 2.0 * quot.q[halfAt[j]] - quot.q[fullAt[j]];
            if (age + 2 >= n[j] + m[j]) row[j] = hullLane(ring, mask, t, m[j], j, hullScale);
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
          quot.divide(diag.sums);
          const double* __restrict q = quot.q;
          double* __restrict slot = ring + hullSlot(t, mask);
          int j = 0;
          if (consecutive) {
            // Lanes j and j + 1 read halves (n0 + j) / 2 and (n0 + j + 1) / 2:
            // one quotient twice when n0 is even, two adjacent ones when odd.
            const int n0 = fullAt[0];
            const F64x2 two = F64x2::splat(2.0);
            if (n0 % 2 == 0)
              for (; j + 2 <= nb; j += 2) (two * F64x2::splat(q[(n0 + j) / 2]) - F64x2::load(q + n0 + j)).store(slot + j);
            else
              for (; j + 2 <= nb; j += 2) (two * F64x2::load(q + (n0 + j) / 2) - F64x2::load(q + n0 + j)).store(slot + j);
          }
          for (; j < nb; ++j) slot[j] = 2.0 * q[halfAt[j]] - q[fullAt[j]];
          for (int i = 0; i < nLong; ++i) {
            const int l = longLane[i];
            const double h = half.next(i, x[t], x[t - half.lag[i]]);
            back[i] = ring[hullSlot(t - hull.lag[i], mask) + l];
            slot[l] = 2.0 * h - full.next(i, x[t], x[t - full.lag[i]]);
          }
          for (int r = 0; r < nRuns; ++r) hullRun(ring, mask, t, m[runStart[r]], runStart[r], runLanes[r], hullScale, row);
          for (int i = 0; i < nLong; ++i) row[longLane[i]] = hull.next(i, slot[longLane[i]], back[i]);
          out.putRow(0, t, b0, nb, row);
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::ma::hma
