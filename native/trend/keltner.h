// trend.keltner: middle = TA-Lib EMA(n) of the typical price (H+L+C)/3,
// upper / lower = middle +- mult * ATR(n). The middle starts at bar n-1, the
// bands at bar n; with seed 'first' (param 2) the EMA and the ATR start from
// bar 0 (as ma.ema and volatility.atr do), and so do all three.
// scratch: typical price, true range (2T)
#pragma once
#include "common.h"

namespace tagrid::trend::keltner {

inline int64_t scratch(int64_t T) { return 2 * T; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2];
  double* typical = c.scratch;
  double* tr = c.scratch + c.T;
  for (int64_t t = 0; t < c.T; ++t) typical[t] = (high[t] + low[t] + close[t]) / 3.0;
  trueRanges(high, low, close, c.T, tr);
  const double *window = c.param[0], *mult = c.param[1];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        double middle[kBlock], atr[kBlock];
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const double n = window[b0 + j];
            const bool first = seedsFirst(c, 2, b0 + j);
            const int64_t w = first ? 1 : static_cast<int64_t>(n);  // bars into the seeds
            if (t < s + w - 1) { out.putNaNAll(t, b0 + j, 1); continue; }
            middle[j] = t == s + w - 1 ? sumRange(typical, s, w) / static_cast<double>(w) : emaStep(middle[j], typical[t], 2.0 / (n + 1.0));
            out.put(0, t, b0 + j, middle[j]);
            if (!first && t < s + w) { out.put(1, t, b0 + j, kNaN); out.put(2, t, b0 + j, kNaN); continue; }
            atrAdvance(atr[j], tr, s, t, n, first, high[s] - low[s]);
            out.put(1, t, b0 + j, middle[j] + mult[b0 + j] * atr[j]);
            out.put(2, t, b0 + j, middle[j] - mult[b0 + j] * atr[j]);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::trend::keltner
