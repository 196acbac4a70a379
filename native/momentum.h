// Momentum oscillators.
#pragma once
#include "primitives.h"

namespace tagrid {

// momentum.rsi: TA-Lib RSI (Wilder). Gains and losses are computed once per
// call for every window. scratch: gain (T) + loss (T)
inline int64_t rsiScratch(int64_t T) { return 2 * T; }

inline double rsiValue(double gain, double loss) {
  const double sum = gain + loss;
  return nearZero(sum) ? 0.0 : 100.0 * (gain / sum);
}

template <typename Out>
int32_t rsi(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < rsiScratch(c.T)) return kScratchTooSmall;
  const double* x = c.in[0];
  double* gain = c.scratch;
  double* loss = c.scratch + c.T;
  for (int64_t t = 1; t < c.T; ++t) {
    const double d = x[t] - x[t - 1];
    gain[t] = d > 0.0 ? d : 0.0;
    loss[t] = d < 0.0 ? -d : 0.0;
  }
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        double avgGain[kBlock], avgLoss[kBlock];
        int64_t seedAt[kBlock];
        for (int j = 0; j < nb; ++j) {
          const double n = window[b0 + j];
          seedAt[j] = s + static_cast<int64_t>(n);
          const bool seeded = seedAt[j] < e;
          avgGain[j] = seeded ? sumRange(gain, s + 1, static_cast<int64_t>(n)) / n : kNaN;
          avgLoss[j] = seeded ? sumRange(loss, s + 1, static_cast<int64_t>(n)) / n : kNaN;
        }
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            if (t > seedAt[j]) {
              const double n = window[b0 + j];
              avgGain[j] = wilderStep(avgGain[j], gain[t], n);
              avgLoss[j] = wilderStep(avgLoss[j], loss[t], n);
            }
            out.put(0, t, b0 + j, t >= seedAt[j] ? rsiValue(avgGain[j], avgLoss[j]) : kNaN);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

inline const KernelEntry kMomentumKernels[] = {
  TAGRID_KERNEL("momentum.rsi", 1, 1, 1, rsi),
};

}  // namespace tagrid
