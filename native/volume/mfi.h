// volume.mfi: TA-Lib MFI. The flow of bar t is TP * volume, positive when TP
// rose from bar t-1 and negative when it fell, so it needs both bars valid.
// 100 * positive / (positive + negative), 0 when that sum is below 1 (NaN
// with zero_denominator 'nan', param 1).
// inputs: high, low, close, volume.
#pragma once
#include "common.h"

namespace tagrid::volume::mfi {

inline int64_t scratch(int64_t T, int64_t W) { return windowRatioScratch(T, W); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2], *volume = c.in[3];
  // With state, the head is (whether bar -1 was usable, its typical price).
  return windowRatio(c, out, 2,
    [&](double* up, double* down, const double* headIn, double* headOut) {
      bool prevValid = headIn && headIn[0] != 0.0;
      double prevTp = headIn ? headIn[1] : 0.0;
      for (int64_t t = 0; t < c.T; ++t) {
        const bool valid = validAt(c.in, 4, t);
        const double tp = typicalPrice(high[t], low[t], close[t]);
        if (valid && prevValid) {
          const double flow = tp * volume[t];
          up[t] = tp > prevTp ? flow : 0.0;
          down[t] = tp < prevTp ? flow : 0.0;
        } else {
          up[t] = down[t] = kNaN;
        }
        prevValid = valid;
        prevTp = tp;
      }
      if (headOut) {
        headOut[0] = prevValid ? 1.0 : 0.0;
        headOut[1] = prevTp;
      }
    },
    [&](double up, double down, int64_t v) {
      const double sum = up + down;
      return sum < 1.0 ? zeroDenominator(c, 1, v, 0.0) : 100.0 * (up / sum);
    });
}

}  // namespace tagrid::volume::mfi
