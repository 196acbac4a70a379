// trend.supertrend: bands (H+L)/2 +- mult * ATR(n) that only move against the
// trend they guard unless the previous close broke through them; the trend
// flips when the close crosses the band on the other side (TradingView's
// ta.supertrend flip rule). Outputs supertrend (the lower band in an uptrend,
// the upper one in a downtrend) and direction (+1 up, -1 down), from bar n
// (bar 0 with seed 'first', param 2, the ATR then as volatility.atr's), where
// the trend starts down. scratch: true range (T)
#pragma once
#include "common.h"

namespace tagrid::trend::supertrend {

inline int64_t scratch(int64_t T) { return T; }

// Kernel state (per variant, kState numbers): the ATR (the sum of its true
// ranges while seeding), the upper and lower bands, 1 in an uptrend, then the
// run's age at its last bar (-1 after a NaN bar, the rest left as the run
// ended) and the last bar's high, low and close. A run continued from the
// state (continueRun) and the save after a run (saveLanes) are out of line,
// so a plain call's loop is the one it was without state.
constexpr int kState = 8;

// The bands and trend of lane j of a block at bar t, its ATR set; first: the lane's first banded bar.
struct Bands {
  double atr[kBlock], upper[kBlock], lower[kBlock];
  bool up[kBlock];

  template <typename Out>
  void put(const OutView<Out>& out, int64_t v, int j, int64_t t, double mid, double mult, double prevClose, double close, bool first) {
    const double basicUpper = mid + mult * atr[j], basicLower = mid - mult * atr[j];
    if (first) {
      upper[j] = basicUpper;
      lower[j] = basicLower;
      up[j] = false;
    } else {
      if (basicLower > lower[j] || prevClose < lower[j]) lower[j] = basicLower;
      if (basicUpper < upper[j] || prevClose > upper[j]) upper[j] = basicUpper;
      up[j] = up[j] ? !(close < lower[j]) : close > upper[j];
    }
    out.put(0, t, v, up[j] ? lower[j] : upper[j]);
    out.put(1, t, v, up[j] ? 1.0 : -1.0);
  }
};

// A run continued from the state, bars [0, e) (start: its first bar, < 0):
// each lane's ATR (its sum of true ranges while seeding) as
// volatility.atr's, until every lane has its bands, then Wilder's steps.
// Kept out of line, as is the state's save, so the plain call's loop in
// run() compiles as it did without state.
template <typename Out>
[[gnu::noinline]] void continueRun(const KernelCall& c, const OutView<Out>& out, const double* tr, int64_t b0, int nb, int64_t e, int64_t start, Bands& b) {
  constexpr int S = kState;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2], *window = c.param[0], *mult = c.param[1];
  int64_t warm = 0;
  for (int j = 0; j < nb; ++j) {
    const double* in = c.stateIn + S * (b0 + j);
    b.atr[j] = in[0], b.upper[j] = in[1], b.lower[j] = in[2], b.up[j] = in[3] != 0.0;
    if (!seedsFirst(c, 2, b0 + j)) warm = std::max(warm, start + static_cast<int64_t>(window[b0 + j]) + 1);
  }
  int64_t t = 0;
  for (const int64_t to = std::min(e, warm); t < to; ++t) {
    const double mid = (high[t] + low[t]) / 2.0, prevClose = t > 0 ? close[t - 1] : c.stateIn[S * b0 + 7];
    const int64_t age = t - start;
    for (int j = 0; j < nb; ++j) {
      const double n = window[b0 + j];
      const int64_t w = static_cast<int64_t>(n);
      const bool seedFirst = seedsFirst(c, 2, b0 + j);
      if (seedFirst || age > w) {
        b.atr[j] = wilderStep(b.atr[j], tr[t], n);
      } else {
        b.atr[j] += tr[t];
        if (age < w) { out.putNaNAll(t, b0 + j, 1); continue; }
        b.atr[j] /= n;
      }
      b.put(out, b0 + j, j, t, mid, mult[b0 + j], prevClose, close[t], age == w && !seedFirst);
    }
  }
  for (; t < e; ++t) {
    const double mid = (high[t] + low[t]) / 2.0, prevClose = t > 0 ? close[t - 1] : c.stateIn[S * b0 + 7];
    for (int j = 0; j < nb; ++j) {
      b.atr[j] = wilderStep(b.atr[j], tr[t], window[b0 + j]);
      b.put(out, b0 + j, j, t, mid, mult[b0 + j], prevClose, close[t], false);
    }
  }
}

// The lanes after a run [s, e) from bar start into stateOut: a lane with its
// bands as they are; one still seeding its ATR with the true ranges of ages
// 1 .. the last summed in order (a continued run's lanes hold them); the
// run's age when it ends at the last bar.
[[gnu::noinline]] inline void saveLanes(const KernelCall& c, const double* tr, int64_t b0, int nb, int64_t s, int64_t e, int64_t start, const Bands& b) {
  constexpr int S = kState;
  for (int j = 0; j < nb; ++j) {
    double* to = c.stateOut + S * (b0 + j);
    const int64_t first = seedsFirst(c, 2, b0 + j) ? start : start + static_cast<int64_t>(c.param[0][b0 + j]);
    if (e - 1 >= first) to[0] = b.atr[j], to[1] = b.upper[j], to[2] = b.lower[j], to[3] = b.up[j] ? 1.0 : 0.0;
    else to[0] = start < s ? b.atr[j] : sumRange(tr, s + 1, e - 1 - s);
    to[4] = e == c.T ? static_cast<double>(e - 1 - start) : -1.0;
  }
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  constexpr int S = kState;
  if ((c.stateIn || c.stateOut) && (!c.stateIn || c.stateLen < S * c.v1)) return kBadParam;
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2];
  double* tr = c.scratch;
  trueRanges(high, low, close, c.T, tr);
  const int64_t carried = carriedRun(c, S, 4, 3);  // bars of bar 0's run before the call
  if (carried > 0) tr[0] = trueRange(high[0], low[0], c.stateIn[S * c.v0 + 7]);
  const double *window = c.param[0], *mult = c.param[1];
  forEachBlock(c, [&](int64_t b0, int nb) {
    if (c.stateOut) leaveRun(c, S, 4, 3, b0, nb);
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        if (s == 0 && carried > 0) {
          Bands b;
          continueRun(c, out, tr, b0, nb, e, -carried, b);
          if (c.stateOut) saveLanes(c, tr, b0, nb, s, e, -carried, b);
          return;
        }
        // The plain call's loop. (Its lanes stay local, their addresses never taken, so they stay in registers.)
        double atr[kBlock], upper[kBlock], lower[kBlock];
        bool up[kBlock];
        for (int64_t t = s; t < e; ++t) {
          const double mid = (high[t] + low[t]) / 2.0;
          for (int j = 0; j < nb; ++j) {
            const double n = window[b0 + j];
            const bool seedFirst = seedsFirst(c, 2, b0 + j);
            const int64_t first = seedFirst ? s : s + static_cast<int64_t>(n);
            if (t < first) { out.putNaNAll(t, b0 + j, 1); continue; }
            atrAdvance(atr[j], tr, s, t, n, seedFirst, high[s] - low[s]);
            const double basicUpper = mid + mult[b0 + j] * atr[j], basicLower = mid - mult[b0 + j] * atr[j];
            if (t == first) {
              upper[j] = basicUpper;
              lower[j] = basicLower;
              up[j] = false;
            } else {
              const double prevClose = close[t - 1];
              if (basicLower > lower[j] || prevClose < lower[j]) lower[j] = basicLower;
              if (basicUpper < upper[j] || prevClose > upper[j]) upper[j] = basicUpper;
              up[j] = up[j] ? !(close[t] < lower[j]) : close[t] > upper[j];
            }
            out.put(0, t, b0 + j, up[j] ? lower[j] : upper[j]);
            out.put(1, t, b0 + j, up[j] ? 1.0 : -1.0);
          }
        }
        if (!c.stateOut) return;
        Bands b;
        for (int j = 0; j < nb; ++j) {
          const bool banded = seedsFirst(c, 2, b0 + j) || e - s > static_cast<int64_t>(window[b0 + j]);
          b.atr[j] = banded ? atr[j] : 0.0, b.upper[j] = banded ? upper[j] : 0.0, b.lower[j] = banded ? lower[j] : 0.0, b.up[j] = banded && up[j];
        }
        saveLanes(c, tr, b0, nb, s, e, s, b);
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::trend::supertrend
