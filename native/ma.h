// Moving averages.
#pragma once
#include "primitives.h"

namespace tagrid {

// ma.sma: one prefix-sum pass per call serves every window of the grid.
// scratch: prefix (T + 1) + lastGap (T)
inline int64_t smaScratch(int64_t T) { return 2 * T + 1; }

template <typename Out>
int32_t sma(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < smaScratch(c.T)) return kScratchTooSmall;
  double* prefix = c.scratch;
  double* lastGap = c.scratch + c.T + 1;
  prefixSums(c.in[0], c.T, prefix, lastGap);
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    for (int64_t t = 0; t < c.T; ++t) {
      const double age = static_cast<double>(t) - lastGap[t];
      for (int j = 0; j < nb; ++j) {
        const double w = window[b0 + j];
        const double v = age >= w ? (prefix[t + 1] - prefix[t + 1 - static_cast<int64_t>(w)]) / w : kNaN;
        out.put(0, t, b0 + j, v);
      }
    }
  });
  return kOk;
}

// ma.ema: TA-Lib EMA, k = 2 / (n + 1), seeded with the mean of the first n values.
inline int64_t emaScratch(int64_t) { return 0; }

template <typename Out>
int32_t ema(const KernelCall& c, const OutView<Out>& out) {
  const double* x = c.in[0];
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        double state[kBlock], k[kBlock];
        int64_t seedAt[kBlock];
        for (int j = 0; j < nb; ++j) {
          const double n = window[b0 + j];
          k[j] = 2.0 / (n + 1.0);
          seedAt[j] = s + static_cast<int64_t>(n) - 1;
          state[j] = seedAt[j] < e ? sumRange(x, s, static_cast<int64_t>(n)) / n : kNaN;
        }
        for (int64_t t = s; t < e; ++t) {
          const double xt = x[t];
          for (int j = 0; j < nb; ++j) {
            if (t > seedAt[j]) state[j] = emaStep(state[j], xt, k[j]);
            out.put(0, t, b0 + j, t >= seedAt[j] ? state[j] : kNaN);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

inline const KernelEntry kMaKernels[] = {
  TAGRID_KERNEL("ma.sma", 1, 1, 1, sma),
  TAGRID_KERNEL("ma.ema", 1, 1, 1, ema),
};

}  // namespace tagrid
