// momentum.fisher: Ehlers' Fisher transform of hl2. inputs high, low; outputs
// fisher = 0.5 * ln((1 + v) / (1 - v)) + 0.5 * previous fisher, and trigger =
// previous fisher. Both chains start at 0 on the first full window.
// scratch: hl2 (T) + ranges
#pragma once
#include <cmath>
#include "common.h"

namespace tagrid::momentum::fisher {

// One step of Ehlers' smoothed position: hl2 mapped to [-0.5, 0.5] within the
// window's range (0 when the range is empty), 0.33 * 2 * that + 0.67 * the
// previous value, clamped to +-0.999 so the transform stays finite.
inline double fisherValue(double x, double highest, double lowest, double prev) {
  const double range = highest - lowest;
  const double position = range != 0.0 ? (x - lowest) / range - 0.5 : 0.0;
  const double v = 0.66 * position + 0.67 * prev;
  return v > 0.999 ? 0.999 : (v < -0.999 ? -0.999 : v);
}

inline int64_t scratch(int64_t T) { return T + RollingRange::scratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  const double *high = c.in[0], *low = c.in[1];
  double* hl2 = c.scratch;
  for (int64_t t = 0; t < c.T; ++t) hl2[t] = (high[t] + low[t]) / 2.0;
  RollingRange range;
  range.build(hl2, hl2, c.T, callWindow(c, {0}), c.scratch + c.T);
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t w[kBlock];
    RollingRange::Window win[kBlock];
    range.windows(c.param[0], b0, nb, w, win);
    forEachSegment(c.in, 2, c.T,
      [&](int64_t s, int64_t e) {
        double value[kBlock], fish[kBlock];
        std::fill(value, value + nb, 0.0);
        std::fill(fish, fish + nb, 0.0);
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            double f = kNaN, trigger = kNaN;
            if (t - s >= w[j] - 1) {
              if (t - s >= w[j]) trigger = fish[j];
              const double v = fisherValue(hl2[t], win[j].upper(t), win[j].lower(t), value[j]);
              value[j] = v;
              fish[j] = 0.5 * std::log((1.0 + v) / (1.0 - v)) + 0.5 * fish[j];
              f = fish[j];
            }
            out.put(0, t, b0 + j, f);
            out.put(1, t, b0 + j, trigger);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::momentum::fisher
