// volatility.accbands: TA-Lib ACCBANDS, SMAs of the widened high, the close
// and the widened low. The widened bars and the three prefix sums are made once
// per call; every window reads them. A window needs all of high, low and close
// valid on its bars, so the close is masked where the widened bars are NaN:
// the three prefix sums then restart on the same bars (prefixSums restarts at
// every NaN), and a run's values do not depend on the bars before it.
// inputs: high, low, close. Kernel state (per call): trend.vortex's
// (CarriedPrefixes in native/primitives.h), the prefixes of the widened
// high, the close and the widened low; a run going on from the state
// continues its sums and its age, so every window sum is the one of a call
// over every bar.
// scratch: 3 prefix sums with W entries before bar 0 (2(T + W) each) +
// widened high, low and masked close (3T) + lastGap (T)
#pragma once
#include "common.h"

namespace tagrid::volatility::accbands {

inline int64_t scratch(int64_t T, int64_t W) { return 6 * (T + std::max<int64_t>(W, 1)) + 4 * T; }

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
  const int64_t W = std::max<int64_t>(callWindow(c, {0}), 1);
  if (c.scratchLen < scratch(c.T, W)) return kScratchTooSmall;
  CarriedPrefixes carry{3, 3, W};
  if (!carry.read(c)) return kBadParam;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2];
  double* sums[3];  // entry 0 of the prefixes of upper, middle, lower
  for (int k = 0; k < 3; ++k) sums[k] = c.scratch + 2 * (c.T + W) * k + 2 * (W - 1);
  double *upperPrefix = sums[0], *middlePrefix = sums[1], *lowerPrefix = sums[2];
  double* upper = c.scratch + 6 * (c.T + W);
  double* lower = upper + c.T;
  double* middle = lower + c.T;
  double* lastGap = middle + c.T;
  for (int64_t t = 0; t < c.T; ++t) {
    widen(high[t], low[t], close[t], upper[t], lower[t]);
    middle[t] = std::isnan(upper[t]) ? kNaN : close[t];
  }
  // With state, a valid bar 0 continues the run of bar -1 (age: its bars before it, less one).
  const double age = carry.age(c);
  const double run = c.T > 0 && age >= 0.0 && !std::isnan(upper[0]) ? age + 1.0 : 0.0;
  for (int k = 0; k < 3; ++k) carry.entriesBefore(c, k, sums[k]);
  prefixSums(middle, c.T, middlePrefix, lastGap, middlePrefix[0], middlePrefix[1], run);
  prefixSums(lower, c.T, lowerPrefix, lastGap, lowerPrefix[0], lowerPrefix[1], run);
  prefixSums(upper, c.T, upperPrefix, lastGap, upperPrefix[0], upperPrefix[1], run);
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
  carry.write(c, sums, static_cast<int64_t>(run));
  return kOk;
}

}  // namespace tagrid::volatility::accbands
