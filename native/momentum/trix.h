// momentum.trix: TA-Lib TRIX, the one-bar ROC of EMA(EMA(EMA(x))), each EMA
// seeded with the mean of the first n values of its input (seed 'first',
// param 1: with its first input); zero_denominator (param 2) for E3[t-1] = 0.
#pragma once
#include "common.h"

namespace tagrid::momentum::trix {

// TA-Lib ROC in its own operation order; `zero` where the earlier value is 0 (TA-Lib: 0).
inline double rocValue(double x, double prev, double zero) { return prev != 0.0 ? (x / prev - 1.0) * 100.0 : zero; }

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const double* x = c.in[0];
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        EmaStream e1[kBlock], e2[kBlock], e3[kBlock];
        for (int j = 0; j < nb; ++j) {
          const bool first = seedsFirst(c, 1, b0 + j);
          e1[j].reset(window[b0 + j], first);
          e2[j].reset(window[b0 + j], first);
          e3[j].reset(window[b0 + j], first);
        }
        for (int64_t t = s; t < e; ++t) {
          const double xt = x[t];
          for (int j = 0; j < nb; ++j) {
            double v = kNaN;
            if (e1[j].push(xt) && e2[j].push(e1[j].value)) {
              const bool hadPrev = e3[j].ready();
              const double prev = e3[j].value;
              if (e3[j].push(e2[j].value) && hadPrev) v = rocValue(e3[j].value, prev, zeroDenominator(c, 2, b0 + j, 0.0));
            }
            out.put(0, t, b0 + j, v);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::momentum::trix
