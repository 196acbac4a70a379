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

// Kernel state: per variant (stateIn, indexed by global variant)
// kStateStride numbers, the sums of y and age * y as the variant's last bar
// with a value left them; the source's part once per run (runStateIn):
// [the run's age at bar -1 (its valid bars; 0 after a NaN bar), then the
// last P values of the source, oldest first (NaN before the run)], P >= the
// call's longest window. The call reads its first windows from that tail,
// summing afresh on the bars the run's age puts its fresh sums on, so every
// sum is the one of a call over every bar.
constexpr int64_t kStateStride = 2;
constexpr int kRunHead = 1;

// Doubles of a call's extended source: the tail of the state, then its bars.
inline int64_t scratch(int64_t T, int64_t W) { return T + std::max<int64_t>(W, 1); }

// P of a call's state, 0 without one, -1 for a state of the wrong shape.
inline int64_t stateTail(const KernelCall& c, int64_t W) {
  if (!c.stateIn) return c.stateOut || c.runStateIn ? -1 : 0;
  if (c.stateLen < kStateStride * c.v1 || !c.runStateIn || c.runStateLen < kRunHead + std::max<int64_t>(W, 1)) return -1;
  return c.runStateLen - kRunHead;
}

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
  const int64_t W = callWindow(c, {0}), P = stateTail(c, W);
  if (P < 0) return kBadParam;
  const double* y = c.in[0];
  int64_t carried = 0;  // bars of bar 0's run before the call
  if (P > 0) {
    // y[-W .. T): the state's last W values, then the call's.
    if (c.scratchLen < scratch(c.T, W)) return kScratchTooSmall;
    const double* tail = c.runStateIn + kRunHead + P;
    std::copy(tail - W, tail, c.scratch);
    std::copy(c.in[0], c.in[0] + c.T, c.scratch + W);
    y = c.scratch + W;
    if (c.T > 0 && validAt(c.in, 1, 0)) carried = static_cast<int64_t>(c.runStateIn[0]);
    // As a call ending on a NaN bar leaves the run; the last segment sets its age.
    if (c.runStateOut) leaveRunTailState(c, kRunHead, 1);
  }
  const double* window = c.param[0];
  const bool angle = !Forecast && out.ptr[3] != nullptr;  // atan is the costliest step: skip it when not asked for
  forEachBlock(c, [&](int64_t b0, int nb) {
    // Each variant's sums as they were; the segments write those of the variants with a value.
    if (c.stateOut) std::copy(c.stateIn + kStateStride * b0, c.stateIn + kStateStride * (b0 + nb), c.stateOut + kStateStride * b0);
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        const int64_t start = s == 0 ? -carried : s;  // the run's first bar
        double sumY[kBlock], sumXY[kBlock], sumX[kBlock], divisor[kBlock];
        int64_t fresh[kBlock];  // next bar summed afresh
        for (int j = 0; j < nb; ++j) {
          const int64_t w = static_cast<int64_t>(window[b0 + j]);
          sumX[j] = static_cast<double>(w * (w - 1)) * 0.5;
          divisor[j] = sumX[j] * sumX[j] - window[b0 + j] * static_cast<double>(w * (w - 1) * (2 * w - 1) / 6);
          fresh[j] = start + w - 1;
          if (start == s) continue;
          // A run going on from the state: its next fresh sum, the sums its bar -1 left.
          if (fresh[j] < s) fresh[j] += (s - fresh[j] + w - 1) / w * w;
          sumY[j] = c.stateIn[kStateStride * (b0 + j)];
          sumXY[j] = c.stateIn[kStateStride * (b0 + j) + 1];
        }
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const double n = window[b0 + j];
            const int64_t w = static_cast<int64_t>(n);
            if (t < start + w - 1) { out.putNaNAll(t, b0 + j, 1); continue; }
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
        if (c.runStateOut && e == c.T) c.runStateOut[0] = static_cast<double>(e - start);
        if (!c.stateOut) return;
        for (int j = 0; j < nb; ++j) {
          double* to = c.stateOut + kStateStride * (b0 + j);
          if (e - 1 < start + static_cast<int64_t>(window[b0 + j]) - 1) continue;  // no value in this run: its sums as they were
          to[0] = sumY[j];
          to[1] = sumXY[j];
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return regression<false>(c, out); }

}  // namespace tagrid::trend::linreg
