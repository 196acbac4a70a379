// trend.vortex: VI+ = sum |H - L_prev| / sum TR and VI- = sum |L - H_prev| /
// sum TR over the last n bars, from bar n (the first movement is at bar 1).
// NaN where the true ranges of the window sum to 0. Window sums come from
// prefix sums built once per call. scratch: three series, their prefix sums
// and the gap index (10T + 6)
#pragma once
#include "common.h"

namespace tagrid::trend::vortex {

inline int64_t scratch(int64_t T) { return 4 * T + 3 * prefixLength(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  const double *high = c.in[0], *low = c.in[1];
  double* plus = c.scratch;
  double* minus = plus + c.T;
  double* tr = minus + c.T;
  double* sumPlus = tr + c.T;
  double* sumMinus = sumPlus + prefixLength(c.T);
  double* sumTR = sumMinus + prefixLength(c.T);
  double* lastGap = sumTR + prefixLength(c.T);
  if (c.T > 0) plus[0] = minus[0] = tr[0] = kNaN;
  for (int64_t t = 1; t < c.T; ++t) {
    plus[t] = std::fabs(high[t] - low[t - 1]);
    minus[t] = std::fabs(low[t] - high[t - 1]);
  }
  trueRanges(high, low, c.in[2], c.T, tr);
  // A movement needs its bar and the one before valid: NaN elsewhere, so the
  // three prefix sums restart together at every run's first movement.
  for (int64_t t = 1; t < c.T; ++t)
    if (!validAt(c.in, 3, t) || !validAt(c.in, 3, t - 1)) plus[t] = minus[t] = tr[t] = kNaN;
  prefixSums(plus, c.T, sumPlus, lastGap);
  prefixSums(minus, c.T, sumMinus, lastGap);
  prefixSums(tr, c.T, sumTR, lastGap);
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const int64_t w = static_cast<int64_t>(window[b0 + j]);
            if (t < s + w) { out.putNaNAll(t, b0 + j, 1); continue; }
            const double range = prefixWindowSum(sumTR, t, w);
            out.put(0, t, b0 + j, range == 0.0 ? kNaN : prefixWindowSum(sumPlus, t, w) / range);
            out.put(1, t, b0 + j, range == 0.0 ? kNaN : prefixWindowSum(sumMinus, t, w) / range);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::trend::vortex
