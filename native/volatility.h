// Volatility measures.
#pragma once
#include "primitives.h"

namespace tagrid {

// volatility.atr: TA-Lib ATR (Wilder smoothing of TRANGE, seeded with the mean
// of the first n true ranges). TR is computed once per call for every window.
// inputs: high, low, close. scratch: tr (T)
inline int64_t atrScratch(int64_t T) { return T; }

template <typename Out>
int32_t atr(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < atrScratch(c.T)) return kScratchTooSmall;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2];
  double* tr = c.scratch;
  for (int64_t t = 1; t < c.T; ++t) tr[t] = trueRange(high[t], low[t], close[t - 1]);
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        double state[kBlock];
        int64_t seedAt[kBlock];
        for (int j = 0; j < nb; ++j) {
          const double n = window[b0 + j];
          seedAt[j] = s + static_cast<int64_t>(n);
          state[j] = seedAt[j] < e ? sumRange(tr, s + 1, static_cast<int64_t>(n)) / n : kNaN;
        }
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            if (t > seedAt[j]) state[j] = wilderStep(state[j], tr[t], window[b0 + j]);
            out.put(0, t, b0 + j, t >= seedAt[j] ? state[j] : kNaN);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

inline const KernelEntry kVolatilityKernels[] = {
  TAGRID_KERNEL("volatility.atr", 3, 1, 1, atr),
};

}  // namespace tagrid
