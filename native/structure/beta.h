// structure.beta: TA-Lib BETA, the least-squares slope of the one-bar returns
// of input 1 on those of input 0 over n bars. Returns are taken once per
// call; the four sums slide bar by bar in TA-Lib's order (add the newest,
// emit, drop the oldest). scratch: returns of both inputs (2(T + W))
#pragma once
#include "common.h"

namespace tagrid::structure::beta {

// Kernel state (per variant, S numbers, S itself first: the tail's length is
// the stream's longest window, unknown to a call): [S, the run's age at bar
// -1 (its valid bars; 0 after a NaN bar), the four sums (x², xy, x, y) as
// the run's last bar left them, then the last P = (S - 6) / 2 bars' prices
// (x, y), oldest first, P >= the call's longest window]. The call takes the
// returns of its first windows from that tail, so every sum is the one of a
// call over every bar. Every variant of a call reads the one source run.
constexpr int kStateHead = 6;

// Returns of both inputs at bars -W .. T - 1 (2(T + W)).
inline int64_t scratch(int64_t T, int64_t W) { return 2 * (T + std::max<int64_t>(W, 1)); }

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
  const int64_t W = std::max<int64_t>(callWindow(c, {0}), 1);
  int64_t S = 0;
  if (c.stateIn || c.stateOut) {
    if (!c.stateIn || c.stateLen < 1) return kBadParam;
    const double size = c.stateIn[0];
    if (size != std::floor(size) || size < kStateHead + 2 * W || size * static_cast<double>(c.v1) > static_cast<double>(c.stateLen)) return kBadParam;
    S = static_cast<int64_t>(size);
  }
  if (c.scratchLen < scratch(c.T, W)) return kScratchTooSmall;
  double *rx = c.scratch + W, *ry = rx + c.T + W;  // rx[-W .. T)
  for (int64_t t = 1; t < c.T; ++t) {
    rx[t] = oneBarReturn(c.in[0][t - 1], c.in[0][t]);
    ry[t] = oneBarReturn(c.in[1][t - 1], c.in[1][t]);
  }
  int64_t carried = 0;  // bars of bar 0's run before the call
  if (S > 0) {
    // The returns at bars 1 - W .. 0 from the tail's prices (its bar i at 2(P + i)).
    const double* tail = c.stateIn + S * c.v0 + kStateHead;
    const int64_t P = (S - kStateHead) / 2;
    for (int64_t i = 1 - W; i <= 0; ++i) {
      const double *prev = tail + 2 * (P + i - 1), *now = tail + 2 * (P + i);
      rx[i] = oneBarReturn(prev[0], i < 0 ? now[0] : c.in[0][0]);
      ry[i] = oneBarReturn(prev[1], i < 0 ? now[1] : c.in[1][0]);
    }
    if (c.T > 0 && validAt(c.in, 2, 0)) carried = static_cast<int64_t>(c.stateIn[S * c.v0 + 1]);
  }
  forEachBlock(c, [&](int64_t b0, int nb) {
    if (c.stateOut) leaveTailState(c, S, kStateHead, 2, b0, nb);
    forEachSegment(c.in, 2, c.T,
      [&](int64_t s, int64_t e) {
        const int64_t start = s == 0 ? -carried : s;  // the run's first bar
        Sums sums[kBlock];
        if (start < s) {
          for (int j = 0; j < nb; ++j) {
            const double* in = c.stateIn + S * (b0 + j);
            sums[j] = {in[2], in[3], in[4], in[5]};
          }
        }
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const double n = c.param[0][b0 + j];
            const int64_t w = static_cast<int64_t>(n);
            if (t > start) sums[j].add(rx[t], ry[t]);  // the first return of a run is at its second bar
            if (t < start + w) { out.put(0, t, b0 + j, kNaN); continue; }
            out.put(0, t, b0 + j, sums[j].slope(n));
            sums[j].drop(rx[t - w + 1], ry[t - w + 1]);
          }
        }
        if (!c.stateOut) return;
        for (int j = 0; j < nb; ++j) {
          double* to = c.stateOut + S * (b0 + j);
          if (e == c.T) to[1] = static_cast<double>(e - start);
          to[2] = sums[j].xx;
          to[3] = sums[j].xy;
          to[4] = sums[j].x;
          to[5] = sums[j].y;
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::structure::beta
