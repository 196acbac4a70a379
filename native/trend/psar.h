// trend.psar: TA-Lib SAR with its acceleration split into a start and a step
// (SAR is start = step = acceleration; a start above the maximum is clamped to
// it, as TA-Lib does), stepped by SarLane (common.h). Outputs psar and
// direction (+1 long, -1 short), from the second bar of a segment on. The
// first trend is short when that bar's -DM1 is positive; the first SAR is the
// first bar's low (long) or high (short).
#pragma once
#include "common.h"

namespace tagrid::trend::psar {

// The starting acceleration, clamped to the maximum.
inline double sarStart(double start, double maxAf) { return start > maxAf ? maxAf : start; }

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const double *high = c.in[0], *low = c.in[1];
  const double *start = c.param[0], *step = c.param[1], *maxAf = c.param[2];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 2, c.T,
      [&](int64_t s, int64_t e) {
        out.putNaNAll(s, b0, nb);
        if (e - s < 2) return;
        const double up = high[s + 1] - high[s], down = low[s] - low[s + 1];
        const bool startLong = !(down > 0.0 && up < down);
        SarLane lane[kBlock];
        SarAccelerations acc[kBlock];
        for (int j = 0; j < nb; ++j) {
          const int64_t v = b0 + j;
          const double af = sarStart(start[v], maxAf[v]);
          acc[j] = {af, step[v], maxAf[v], af, step[v], maxAf[v]};
          lane[j] = {startLong ? low[s] : high[s], startLong ? high[s + 1] : low[s + 1], af, af, startLong};
        }
        for (int64_t t = s + 1; t < e; ++t) {
          const int64_t p = t > s + 1 ? t - 1 : t;  // TA-Lib's first bar is its own previous bar
          for (int j = 0; j < nb; ++j) {
            out.put(0, t, b0 + j, lane[j].bar(high[p], low[p], high[t], low[t], 0.0, acc[j]));
            out.put(1, t, b0 + j, lane[j].isLong ? 1.0 : -1.0);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::trend::psar
