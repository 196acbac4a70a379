// trend.keltner: middle = TA-Lib EMA(n) of the typical price (H+L+C)/3,
// upper / lower = middle +- mult * ATR(n). The middle starts at bar n-1, the
// bands at bar n; with seed 'first' (param 2) the EMA and the ATR start from
// bar 0 (as ma.ema and volatility.atr do), and so do all three.
// scratch: typical price, true range (2T)
#pragma once
#include "common.h"

namespace tagrid::trend::keltner {

inline int64_t scratch(int64_t T) { return 2 * T; }

// Kernel state (per variant, kState numbers): the middle EMA's (value,
// count) (its running sum while seeding), the ATR (the sum of its true ranges
// while seeding), the run's age at its last bar (-1 after a NaN bar, the rest
// then left as the run ended) and the last bar's high, low and close. A call
// whose bar 0 is valid continues the run; bar 0's true range is from the
// state's last close (the same in every variant: one run of the inputs).
constexpr int kState = 7;

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  constexpr int S = kState;
  if ((c.stateIn || c.stateOut) && (!c.stateIn || c.stateLen < S * c.v1)) return kBadParam;
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2];
  double* typical = c.scratch;
  double* tr = c.scratch + c.T;
  for (int64_t t = 0; t < c.T; ++t) typical[t] = (high[t] + low[t] + close[t]) / 3.0;
  trueRanges(high, low, close, c.T, tr);
  const int64_t carried = carriedRun(c, S, 3, 3);  // bars of bar 0's run before the call
  if (carried > 0) tr[0] = trueRange(high[0], low[0], c.stateIn[S * c.v0 + 6]);
  const double *window = c.param[0], *mult = c.param[1];
  forEachBlock(c, [&](int64_t b0, int nb) {
    if (c.stateOut) leaveRun(c, S, 3, 3, b0, nb);
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        const int64_t start = s == 0 ? -carried : s;
        EmaStream middle[kBlock];
        double atr[kBlock];
        for (int j = 0; j < nb; ++j) {
          middle[j].reset(window[b0 + j], seedsFirst(c, 2, b0 + j));
          atr[j] = 0.0;
          if (start == s) continue;
          const double* in = c.stateIn + S * (b0 + j);
          middle[j].value = in[0];
          middle[j].count = static_cast<int64_t>(in[1]);
          atr[j] = in[2];
        }
        for (int64_t t = s; t < e; ++t) {
          const int64_t age = t - start;
          for (int j = 0; j < nb; ++j) {
            const double n = window[b0 + j];
            const bool first = seedsFirst(c, 2, b0 + j);
            // The EMA: its first `period` typical prices summed in order, then TA-Lib's step.
            const bool hasMiddle = middle[j].push(typical[t]);
            out.put(0, t, b0 + j, hasMiddle ? middle[j].value : kNaN);
            // TA-Lib's ATR (atrAdvance): the true ranges of ages 1 .. n summed in order, or bar s's range.
            bool banded = true;
            if (first) atr[j] = age == 0 ? high[t] - low[t] : wilderStep(atr[j], tr[t], n);
            else if (age == 0) atr[j] = 0.0, banded = false;
            else if (age <= static_cast<int64_t>(n)) {
              atr[j] += tr[t];
              banded = age == static_cast<int64_t>(n);
              if (banded) atr[j] /= n;
            } else {
              atr[j] = wilderStep(atr[j], tr[t], n);
            }
            out.put(1, t, b0 + j, banded ? middle[j].value + mult[b0 + j] * atr[j] : kNaN);
            out.put(2, t, b0 + j, banded ? middle[j].value - mult[b0 + j] * atr[j] : kNaN);
          }
        }
        if (!c.stateOut) return;
        for (int j = 0; j < nb; ++j) {
          double* to = c.stateOut + S * (b0 + j);
          to[0] = middle[j].value;
          to[1] = static_cast<double>(middle[j].count);
          to[2] = atr[j];
          to[3] = e == c.T ? static_cast<double>(e - 1 - start) : -1.0;
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::trend::keltner
