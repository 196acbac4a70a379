// trend.linreg: TA-Lib LINEARREG, _SLOPE, _INTERCEPT and _ANGLE, the least
// squares line of the last n values against the bar age (newest 0). The sums
// of y and age * y slide by one bar in O(1); every n bars they are summed
// afresh in TA-Lib's order, so rounding cannot drift on long series.
// Outputs: value (the line at the current bar), slope (per bar), intercept
// (the line at the oldest bar of the window), angle (degrees). The angle's
// atan is fdlibm's (cycle::fdlibm, AssemblyScript's Math.atan), not the C
// library's, so both builds and the stream stepper give the same bits.
#pragma once
#include <cmath>
#include "common.h"
#include "../cycle/common.h"

namespace tagrid::trend::linreg {

inline int64_t scratch(int64_t) { return 0; }

// TA-Lib's sums over the window ending at t, oldest bar first.
inline void regressionSums(const double* y, int64_t t, int64_t n, double& sumY, double& sumXY) {
  sumY = 0.0;
  sumXY = 0.0;
  for (int64_t age = n - 1; age >= 0; --age) {
    sumY += y[t - age];
    sumXY += static_cast<double>(age) * y[t - age];
  }
}

// The four lines, or with Forecast only TA-Lib TSF (structure.tsf): the line
// one bar ahead, b + m * n.
template <bool Forecast, typename Out>
int32_t regression(const KernelCall& c, const OutView<Out>& out) {
  constexpr double kDegrees = 180.0 / 3.14159265358979323846;
  const double* y = c.in[0];
  const double* window = c.param[0];
  const bool angle = !Forecast && out.ptr[3] != nullptr;  // atan is the costliest step: skip it when not asked for
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        double sumY[kBlock], sumXY[kBlock], sumX[kBlock], divisor[kBlock];
        int64_t fresh[kBlock];  // next bar summed afresh
        for (int j = 0; j < nb; ++j) {
          const int64_t w = static_cast<int64_t>(window[b0 + j]);
          sumX[j] = static_cast<double>(w * (w - 1)) * 0.5;
          divisor[j] = sumX[j] * sumX[j] - window[b0 + j] * static_cast<double>(w * (w - 1) * (2 * w - 1) / 6);
          fresh[j] = s + w - 1;
        }
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const double n = window[b0 + j];
            const int64_t w = static_cast<int64_t>(n);
            if (t < s + w - 1) { out.putNaNAll(t, b0 + j, 1); continue; }
            if (t == fresh[j]) {
              regressionSums(y, t, w, sumY[j], sumXY[j]);
              fresh[j] += w;
            } else {
              const double oldest = y[t - w];  // every other bar ages by one, the oldest leaves
              sumXY[j] = sumXY[j] + sumY[j] - n * oldest;
              sumY[j] = sumY[j] - oldest + y[t];
            }
            const double m = (n * sumXY[j] - sumX[j] * sumY[j]) / divisor[j];
            const double b = (sumY[j] - m * sumX[j]) / n;
            if (Forecast) { out.put(0, t, b0 + j, b + m * n); continue; }
            out.put(0, t, b0 + j, b + m * (n - 1.0));
            out.put(1, t, b0 + j, m);
            out.put(2, t, b0 + j, b);
            if (angle) out.put(3, t, b0 + j, cycle::fdlibm::atan(m) * kDegrees);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return regression<false>(c, out); }

}  // namespace tagrid::trend::linreg
