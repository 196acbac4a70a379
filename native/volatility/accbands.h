// volatility.accbands: TA-Lib ACCBANDS, SMAs of the widened high, the close
// and the widened low. The widened bars and the three prefix sums are made once
// per call; every window reads them. A window needs all of high, low and close
// valid on its bars, so the close is masked where the widened bars are NaN:
// the three prefix sums then restart on the same bars (prefixSums restarts at
// every NaN), and a run's values do not depend on the bars before it.
// inputs: high, low, close.
// scratch: 3 prefix sums + widened high, low and masked close (3T) + lastGap (T)
#pragma once
#include "common.h"

namespace tagrid::volatility::accbands {

inline int64_t scratch(int64_t T) { return 3 * prefixLength(T) + 4 * T; }

// The bar's high and low pushed apart by 4·(high − low)/(high + low) of
// themselves; unchanged where high + low is (near) 0. NaN unless all three
// inputs are numbers, so one lastGap covers the three series.
inline void widen(double high, double low, double close, double& upper, double& lower) {
  const double sum = high + low;
  if (std::isnan(sum) || std::isnan(close)) {
    upper = lower = kNaN;
  } else if (sum > -1e-14 && sum < 1e-14) {
    upper = high;
    lower = low;
  } else {
    const double width = 4 * (high - low) / sum;
    upper = high * (1 + width);
    lower = low * (1 - width);
  }
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2];
  double* upperPrefix = c.scratch;
  double* middlePrefix = upperPrefix + prefixLength(c.T);
  double* lowerPrefix = middlePrefix + prefixLength(c.T);
  double* upper = lowerPrefix + prefixLength(c.T);
  double* lower = upper + c.T;
  double* middle = lower + c.T;
  double* lastGap = middle + c.T;
  for (int64_t t = 0; t < c.T; ++t) {
    widen(high[t], low[t], close[t], upper[t], lower[t]);
    middle[t] = std::isnan(upper[t]) ? kNaN : close[t];
  }
  prefixSums(middle, c.T, middlePrefix, lastGap);
  prefixSums(lower, c.T, lowerPrefix, lastGap);
  prefixSums(upper, c.T, upperPrefix, lastGap);
  forEachBlock(c, [&](int64_t b0, int nb) {
    for (int64_t t = 0; t < c.T; ++t) {
      const double age = static_cast<double>(t) - lastGap[t];
      for (int j = 0; j < nb; ++j) {
        const int64_t v = b0 + j;
        const double n = c.param[0][v];
        const int64_t w = static_cast<int64_t>(n);
        const bool full = age >= n;
        out.put(0, t, v, full ? prefixWindowSum(upperPrefix, t, w) / n : kNaN);
        out.put(1, t, v, full ? prefixWindowSum(middlePrefix, t, w) / n : kNaN);
        out.put(2, t, v, full ? prefixWindowSum(lowerPrefix, t, w) / n : kNaN);
      }
    }
  });
  return kOk;
}

}  // namespace tagrid::volatility::accbands
