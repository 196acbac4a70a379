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
// ended) and the last bar's high, low and close. The state is read before a
// call's first run and written after each run, so the loops over the bars
// are the plain call's: a run continued from the state steps its lanes until
// each has its bands, then Wilder's steps alone.
constexpr int kState = 8;

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  constexpr int S = kState;
  if ((c.stateIn || c.stateOut) && (!c.stateIn || c.stateLen < S * c.v1)) return kBadParam;
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2];
  double* tr = c.scratch;
  trueRanges(high, low, close, c.T, tr);
  int64_t carried = 0;  // bars of bar 0's run before the call
  if (c.stateIn && c.T > 0 && validAt(c.in, 3, 0) && c.stateIn[S * c.v0 + 4] >= 0.0) {
    carried = static_cast<int64_t>(c.stateIn[S * c.v0 + 4]) + 1;
    tr[0] = trueRange(high[0], low[0], c.stateIn[S * c.v0 + 7]);
  }
  const double *window = c.param[0], *mult = c.param[1];
  forEachBlock(c, [&](int64_t b0, int nb) {
    if (c.stateOut) {
      for (int j = 0; j < nb; ++j) {
        double* to = c.stateOut + S * (b0 + j);
        std::copy(c.stateIn + S * (b0 + j), c.stateIn + S * (b0 + j + 1), to);
        to[4] = -1.0;
        for (int k = 0; k < 3; ++k) to[5 + k] = c.in[k][c.T - 1];
      }
    }
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        double atr[kBlock], upper[kBlock], lower[kBlock];
        bool up[kBlock];
        // The bands and trend of lane j at bar t, its ATR set; first: the lane's first banded bar.
        auto bands = [&](int j, int64_t t, double mid, double prevClose, bool first) {
          const double basicUpper = mid + mult[b0 + j] * atr[j], basicLower = mid - mult[b0 + j] * atr[j];
          if (first) {
            upper[j] = basicUpper;
            lower[j] = basicLower;
            up[j] = false;
          } else {
            if (basicLower > lower[j] || prevClose < lower[j]) lower[j] = basicLower;
            if (basicUpper < upper[j] || prevClose > upper[j]) upper[j] = basicUpper;
            up[j] = up[j] ? !(close[t] < lower[j]) : close[t] > upper[j];
          }
          out.put(0, t, b0 + j, up[j] ? lower[j] : upper[j]);
          out.put(1, t, b0 + j, up[j] ? 1.0 : -1.0);
        };
        const int64_t start = s == 0 ? -carried : s;
        if (start < s) {
          // The run goes on from the state: each lane's ATR (its sum of true ranges while seeding) as
          // volatility.atr's, until every lane has its bands, then Wilder's steps.
          int64_t warm = s;
          for (int j = 0; j < nb; ++j) {
            const double* in = c.stateIn + S * (b0 + j);
            atr[j] = in[0], upper[j] = in[1], lower[j] = in[2], up[j] = in[3] != 0.0;
            if (!seedsFirst(c, 2, b0 + j)) warm = std::max(warm, start + static_cast<int64_t>(window[b0 + j]) + 1);
          }
          int64_t t = s;
          for (const int64_t to = std::min(e, warm); t < to; ++t) {
            const double mid = (high[t] + low[t]) / 2.0, prevClose = t > 0 ? close[t - 1] : c.stateIn[S * b0 + 7];
            const int64_t age = t - start;
            for (int j = 0; j < nb; ++j) {
              const double n = window[b0 + j];
              const int64_t w = static_cast<int64_t>(n);
              if (seedsFirst(c, 2, b0 + j) || age > w) {
                atr[j] = wilderStep(atr[j], tr[t], n);
              } else {
                atr[j] += tr[t];
                if (age < w) { out.putNaNAll(t, b0 + j, 1); continue; }
                atr[j] /= n;
              }
              bands(j, t, mid, prevClose, age == w && !seedsFirst(c, 2, b0 + j));
            }
          }
          for (; t < e; ++t) {
            const double mid = (high[t] + low[t]) / 2.0, prevClose = t > 0 ? close[t - 1] : c.stateIn[S * b0 + 7];
            for (int j = 0; j < nb; ++j) {
              atr[j] = wilderStep(atr[j], tr[t], window[b0 + j]);
              bands(j, t, mid, prevClose, false);
            }
          }
        } else {
          for (int64_t t = s; t < e; ++t) {
            const double mid = (high[t] + low[t]) / 2.0;
            for (int j = 0; j < nb; ++j) {
              const double n = window[b0 + j];
              const bool seedFirst = seedsFirst(c, 2, b0 + j);
              const int64_t first = seedFirst ? s : s + static_cast<int64_t>(n);
              if (t < first) { out.putNaNAll(t, b0 + j, 1); continue; }
              atrAdvance(atr[j], tr, s, t, n, seedFirst, high[s] - low[s]);
              bands(j, t, mid, t > s ? close[t - 1] : 0.0, t == first);
            }
          }
        }
        if (!c.stateOut) return;
        for (int j = 0; j < nb; ++j) {
          double* to = c.stateOut + S * (b0 + j);
          const int64_t first = seedsFirst(c, 2, b0 + j) ? start : start + static_cast<int64_t>(window[b0 + j]);
          if (e - 1 >= first) {
            to[0] = atr[j], to[1] = upper[j], to[2] = lower[j], to[3] = up[j] ? 1.0 : 0.0;
          } else {
            // Still seeding: the true ranges of ages 1 .. the last, summed in order (none in a carried run's lanes: atr[j] holds them).
            to[0] = start < s ? atr[j] : sumRange(tr, s + 1, e - 1 - s);
          }
          to[4] = e == c.T ? static_cast<double>(e - 1 - start) : -1.0;
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::trend::supertrend
