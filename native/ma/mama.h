// ma.mama: TA-Lib MAMA. The Hilbert transform does not depend on the limits,
// so it runs once per block and each variant keeps only its MAMA and FAMA.
// α = fast / Δphase clamped to [slow, fast] (fast when Δphase ≤ 1 degree);
// MAMA is an EMA of the price with α, FAMA an EMA of MAMA with α/2. Both start
// from 0 on the first bar of the transform, as in TA-Lib. No scratch.
#pragma once
#include "../cycle/common.h"

namespace tagrid::ma::mama {

inline int64_t scratch(int64_t) { return 0; }

constexpr int kWarmup = 9;       // WMA-only bars after its 3 seed bars
constexpr int64_t kLookback = 32;

inline double alpha(double deltaPhase, double fast, double slow) {
  if (deltaPhase < 1.0) deltaPhase = 1.0;
  if (deltaPhase > 1.0) {
    const double a = fast / deltaPhase;
    return a < slow ? slow : a;
  }
  return fast;
}

// Its numbers in the kernel state (after the transform's): the last phase, MAMA, FAMA.
constexpr int64_t kOwn = 3;

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (cycle::badHilbertState(c, kOwn)) return kBadParam;
  const double *fast = c.param[0], *slow = c.param[1];
  forEachBlock(c, [&](int64_t b0, int nb) {
    double mama[kBlock], fama[kBlock], prevPhase = 0.0;
    cycle::forEachHilbertBar(c, b0, nb, kWarmup, kLookback, kOwn,
      [&](int j, const double* carried) {
        prevPhase = carried ? carried[cycle::state::kOwn] : 0.0;
        mama[j] = carried ? carried[cycle::state::kOwn + 1] : 0.0;
        fama[j] = carried ? carried[cycle::state::kOwn + 2] : 0.0;
      },
      [&](const cycle::HilbertCore& core, const double* x, int64_t, int64_t t, bool emit) {
        const double phase = core.phase(), deltaPhase = prevPhase - phase;
        prevPhase = phase;
        const double price = x[t];
        for (int j = 0; j < nb; ++j) {
          const int64_t v = b0 + j;
          double a = alpha(deltaPhase, fast[v], slow[v]);
          mama[j] = (a * price) + ((1 - a) * mama[j]);
          a *= 0.5;
          fama[j] = (a * mama[j]) + ((1 - a) * fama[j]);
          out.put(0, t, v, emit ? mama[j] : kNaN);
          out.put(1, t, v, emit ? fama[j] : kNaN);
        }
      },
      [&](int j, double* kept) {
        kept[cycle::state::kOwn] = prevPhase;
        kept[cycle::state::kOwn + 1] = mama[j];
        kept[cycle::state::kOwn + 2] = fama[j];
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::ma::mama
