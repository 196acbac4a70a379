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

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2];
  double* tr = c.scratch;
  trueRanges(high, low, close, c.T, tr);
  const double *window = c.param[0], *mult = c.param[1];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
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
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::trend::supertrend
