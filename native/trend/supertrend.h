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
// ranges while seeding), the upper and lower bands and up (1 or 0), the
// bands and trend left as the run before ended until the ATR's first bar;
// then the run's age at its last bar (-1 after a NaN bar, the rest then left
// as the run ended) and the last bar's high, low and close. A call whose bar
// 0 is valid continues the run; bar 0's true range and previous close are the
// state's (the same in every variant: one run of the inputs).
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
  double lastClose = kNaN;
  if (c.stateIn && c.T > 0 && validAt(c.in, 3, 0) && c.stateIn[S * c.v0 + 4] >= 0.0) {
    carried = static_cast<int64_t>(c.stateIn[S * c.v0 + 4]) + 1;
    lastClose = c.stateIn[S * c.v0 + 7];
    tr[0] = trueRange(high[0], low[0], lastClose);
  }
  const double *window = c.param[0], *mult = c.param[1];
  forEachBlock(c, [&](int64_t b0, int nb) {
    // Across the block's runs: the bands and trend stay as a run left them until the next one's first ATR.
    double keptAtr[kBlock], keptUpper[kBlock], keptLower[kBlock];
    bool keptUp[kBlock];
    for (int j = 0; j < nb; ++j) {
      const double* in = c.stateIn ? c.stateIn + S * (b0 + j) : nullptr;
      keptAtr[j] = in ? in[0] : 0.0;
      keptUpper[j] = in ? in[1] : 0.0;
      keptLower[j] = in ? in[2] : 0.0;
      keptUp[j] = in && in[3] == 1.0;
      if (!c.stateOut) continue;
      double* to = c.stateOut + S * (b0 + j);
      std::copy(in, in + S, to);
      to[4] = -1.0;
      for (int k = 0; k < 3; ++k) to[5 + k] = c.in[k][c.T - 1];
    }
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        const int64_t start = s == 0 ? -carried : s;
        // Locals for the loop (the kept lanes would be reloaded around every output store).
        double atr[kBlock], upper[kBlock], lower[kBlock];
        bool up[kBlock];
        std::copy(keptAtr, keptAtr + nb, atr);
        std::copy(keptUpper, keptUpper + nb, upper);
        std::copy(keptLower, keptLower + nb, lower);
        std::copy(keptUp, keptUp + nb, up);
        for (int64_t t = s; t < e; ++t) {
          const int64_t age = t - start;
          const double mid = (high[t] + low[t]) / 2.0;
          for (int j = 0; j < nb; ++j) {
            const double n = window[b0 + j];
            const bool seedFirst = seedsFirst(c, 2, b0 + j);
            // TA-Lib's ATR (atrAdvance): the true ranges of ages 1 .. n summed in order, or bar s's range.
            const int64_t first = seedFirst ? 0 : static_cast<int64_t>(n);
            if (seedFirst) atr[j] = age == 0 ? high[t] - low[t] : wilderStep(atr[j], tr[t], n);
            else if (age == 0) atr[j] = 0.0;
            else if (age <= first) atr[j] += tr[t];
            else atr[j] = wilderStep(atr[j], tr[t], n);
            if (age < first) { out.putNaNAll(t, b0 + j, 1); continue; }
            if (!seedFirst && age == first) atr[j] /= n;
            const double basicUpper = mid + mult[b0 + j] * atr[j], basicLower = mid - mult[b0 + j] * atr[j];
            if (age == first) {
              upper[j] = basicUpper;
              lower[j] = basicLower;
              up[j] = false;
            } else {
              const double prevClose = t > 0 ? close[t - 1] : lastClose;
              if (basicLower > lower[j] || prevClose < lower[j]) lower[j] = basicLower;
              if (basicUpper < upper[j] || prevClose > upper[j]) upper[j] = basicUpper;
              up[j] = up[j] ? !(close[t] < lower[j]) : close[t] > upper[j];
            }
            out.put(0, t, b0 + j, up[j] ? lower[j] : upper[j]);
            out.put(1, t, b0 + j, up[j] ? 1.0 : -1.0);
          }
        }
        std::copy(atr, atr + nb, keptAtr);
        std::copy(upper, upper + nb, keptUpper);
        std::copy(lower, lower + nb, keptLower);
        std::copy(up, up + nb, keptUp);
        if (!c.stateOut) return;
        for (int j = 0; j < nb; ++j) {
          double* to = c.stateOut + S * (b0 + j);
          to[0] = atr[j], to[1] = upper[j], to[2] = lower[j], to[3] = up[j] ? 1.0 : 0.0;
          to[4] = e == c.T ? static_cast<double>(e - 1 - start) : -1.0;
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::trend::supertrend
