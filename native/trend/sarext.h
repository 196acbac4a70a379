// trend.sarext: TA-Lib SAREXT. TA-Lib SAR with a long and a short set of
// accelerations, a chosen first trend and SAR (startvalue), and an offset that
// pushes the SAR away from the price on each reversal, stepped by SarLane
// (common.h). Short SARs are reported negated, from the second bar of a
// segment on; the first bar is its own previous bar, as in TA-Lib. inputs:
// high, low. No scratch. Kernel state: kSarState (common.h).
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

// The lane at the run's second bar (h1, l1; h0, l0 its first): the first
// trend and SAR from startvalue, or (0) from the sign of the -DM of that
// bar, as TA-Lib's default.
inline SarLane startLane(double h0, double l0, double h1, double l1, double start, const SarAccelerations& a) {
  bool isLong;
  if (start == 0.0) {
    const double up = h1 - h0, down = l0 - l1;
    isLong = !(down > 0.0 && up < down);
  } else {
    isLong = start > 0.0;
  }
  const double sar = start == 0.0 ? (isLong ? l0 : h0) : std::fabs(start);
  return {sar, isLong ? h1 : l1, a.initLong, a.initShort, isLong};
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return sarSystem(c, out,
    [&](int64_t v, SarAccelerations& a, double& offset) {
      a = accelerations(c, v);
      offset = c.param[1][v];
    },
    [&](int64_t v, double h0, double l0, double h1, double l1, const SarAccelerations& a) {
      return startLane(h0, l0, h1, l1, c.param[0][v], a);
    },
    [&](int64_t t, int64_t v, double sar, bool isLong) { out.put(0, t, v, isLong ? sar : -sar); });
}

}  // namespace tagrid::trend::sarext
