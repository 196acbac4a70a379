// momentum.trix: TA-Lib TRIX, the one-bar ROC of EMA(EMA(EMA(x))), each EMA
// seeded with the mean of the first n values of its input (seed 'first',
// param 1: with its first input); zero_denominator (param 2) for E3[t-1] = 0.
#pragma once
#include "../ma/common.h"
#include "common.h"

namespace tagrid::momentum::trix {

// TA-Lib ROC in its own operation order; `zero` where the earlier value is 0 (TA-Lib: 0).
inline double rocValue(double x, double prev, double zero) { return prev != 0.0 ? (x / prev - 1.0) * 100.0 : zero; }

inline int64_t scratch(int64_t) { return 0; }

// Kernel state: TEMA's layout (ma::chainState), the (value, count) of the
// three EMAs and the run's age, per variant.
constexpr int kState = ma::chainState<ma::EmaChain::Tema>();

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if ((c.stateIn || c.stateOut) && (!c.stateIn || c.stateLen < kState * c.v1)) return kBadParam;
  const double* x = c.in[0];
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    if (c.stateOut) {
      // No valid bar in the call: the state as it came, after a NaN bar.
      std::copy(c.stateIn + kState * b0, c.stateIn + kState * (b0 + nb), c.stateOut + kState * b0);
      for (int j = 0; j < nb; ++j) c.stateOut[kState * (b0 + j) + kState - 1] = -1.0;
    }
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        EmaStream e1[kBlock], e2[kBlock], e3[kBlock];
        // The run's first bar: before the call when bar 0 continues the state's run.
        const int64_t start = s == 0 && c.stateIn && c.stateIn[kState * b0 + kState - 1] >= 0.0 ? -static_cast<int64_t>(c.stateIn[kState * b0 + kState - 1]) - 1 : s;
        for (int j = 0; j < nb; ++j) {
          const bool first = seedsFirst(c, 1, b0 + j);
          EmaStream* lane[3] = {&e1[j], &e2[j], &e3[j]};
          for (int i = 0; i < 3; ++i) {
            lane[i]->reset(window[b0 + j], first);
            if (start >= s) continue;
            lane[i]->value = c.stateIn[kState * (b0 + j) + 2 * i];
            lane[i]->count = static_cast<int64_t>(c.stateIn[kState * (b0 + j) + 2 * i + 1]);
          }
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
        if (!c.stateOut) return;
        for (int j = 0; j < nb; ++j) {
          double* to = c.stateOut + kState * (b0 + j);
          const EmaStream* lane[3] = {&e1[j], &e2[j], &e3[j]};
          for (int i = 0; i < 3; ++i) {
            to[2 * i] = lane[i]->value;
            to[2 * i + 1] = static_cast<double>(lane[i]->count);
          }
          to[kState - 1] = e == c.T ? static_cast<double>(e - 1 - start) : -1.0;
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::momentum::trix
