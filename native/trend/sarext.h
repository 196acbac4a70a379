// trend.sarext: TA-Lib SAREXT. TA-Lib SAR with a long and a short set of
// accelerations, a chosen first trend and SAR (startvalue), and an offset that
// pushes the SAR away from the price on each reversal, stepped by SarLane
// (common.h). Short SARs are reported negated, from the second bar of a
// segment on; the first bar is its own previous bar, as in TA-Lib. inputs:
// high, low. No scratch.
#pragma once
#include "common.h"

namespace tagrid::trend::sarext {

inline int64_t scratch(int64_t) { return 0; }

// TA-Lib clamps the start and the step to the maximum.
inline double clamped(double x, double cap) { return x > cap ? cap : x; }

inline SarAccelerations accelerations(const KernelCall& c, int64_t v) {
  const double maxLong = c.param[4][v], maxShort = c.param[7][v];
  return {clamped(c.param[2][v], maxLong), clamped(c.param[3][v], maxLong), maxLong,
          clamped(c.param[5][v], maxShort), clamped(c.param[6][v], maxShort), maxShort};
}

// The lane at bar s + 1: the first trend and SAR from startvalue, or (0) from
// the sign of the -DM of bar s + 1, as TA-Lib's default.
inline SarLane startLane(const double* high, const double* low, int64_t s, double start, const SarAccelerations& a) {
  bool isLong;
  if (start == 0.0) {
    const double up = high[s + 1] - high[s], down = low[s] - low[s + 1];
    isLong = !(down > 0.0 && up < down);
  } else {
    isLong = start > 0.0;
  }
  const double sar = start == 0.0 ? (isLong ? low[s] : high[s]) : std::fabs(start);
  return {sar, isLong ? high[s + 1] : low[s + 1], a.initLong, a.initShort, isLong};
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const double *high = c.in[0], *low = c.in[1];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 2, c.T,
      [&](int64_t s, int64_t e) {
        out.putNaNAll(s, b0, nb);
        if (e - s < 2) return;
        SarLane lane[kBlock];
        SarAccelerations acc[kBlock];
        for (int j = 0; j < nb; ++j) {
          acc[j] = accelerations(c, b0 + j);
          lane[j] = startLane(high, low, s, c.param[0][b0 + j], acc[j]);
        }
        for (int64_t t = s + 1; t < e; ++t) {
          const int64_t p = t > s + 1 ? t - 1 : t;  // TA-Lib's first bar is its own previous bar
          for (int j = 0; j < nb; ++j) {
            const double sar = lane[j].bar(high[p], low[p], high[t], low[t], c.param[1][b0 + j], acc[j]);
            out.put(0, t, b0 + j, lane[j].isLong ? sar : -sar);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::trend::sarext
