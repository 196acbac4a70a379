// trend.psar: TA-Lib SAR with its acceleration split into a start and a step
// (SAR is start = step = acceleration; a start above the maximum is clamped to
// it, as TA-Lib does), stepped by SarLane (common.h). Outputs psar and
// direction (+1 long, -1 short), from the second bar of a segment on. The
// first trend is short when that bar's -DM1 is positive; the first SAR is the
// first bar's low (long) or high (short). Kernel state: kSarState (common.h).
#pragma once
#include "common.h"

namespace tagrid::trend::psar {

// The starting acceleration, clamped to the maximum.
inline double sarStart(double start, double maxAf) { return start > maxAf ? maxAf : start; }

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const double *start = c.param[0], *step = c.param[1], *maxAf = c.param[2];
  return sarSystem(c, out,
    [&](int64_t v, SarAccelerations& a, double& offset) {
      const double af = sarStart(start[v], maxAf[v]);
      a = {af, step[v], maxAf[v], af, step[v], maxAf[v]};
      offset = 0.0;
    },
    [&](int64_t, double h0, double l0, double h1, double l1, const SarAccelerations& a) {
      const double up = h1 - h0, down = l0 - l1;
      const bool startLong = !(down > 0.0 && up < down);
      return SarLane{startLong ? l0 : h0, startLong ? h1 : l1, a.initLong, a.initShort, startLong};
    },
    [&](int64_t t, int64_t v, double sar, bool isLong) {
      out.put(0, t, v, sar);
      out.put(1, t, v, isLong ? 1.0 : -1.0);
    });
}

}  // namespace tagrid::trend::psar
