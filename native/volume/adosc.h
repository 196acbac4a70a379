// volume.adosc: TA-Lib ADOSC, EMA(AD, fast) - EMA(AD, slow). Unlike TA-Lib's
// EMA, both start from the first AD value (no SMA seed), update as
// k * x + (1 - k) * e, and the line is emitted from bar max(fast, slow) - 1;
// fast > slow is computed as given, like TA-Lib. scratch: ad (T)
#pragma once
#include "common.h"

namespace tagrid::volume::adosc {

inline int64_t scratch(int64_t T) { return T; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  double* line = c.scratch;
  adLine(c, line);
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 4, c.T,
      [&](int64_t s, int64_t e) {
        double fast[kBlock], slow[kBlock], kFast[kBlock], kSlow[kBlock];
        int64_t from[kBlock];
        for (int j = 0; j < nb; ++j) {
          const double f = c.param[0][b0 + j], sl = c.param[1][b0 + j];
          kFast[j] = 2.0 / (f + 1.0);
          kSlow[j] = 2.0 / (sl + 1.0);
          from[j] = s + static_cast<int64_t>(f > sl ? f : sl) - 1;
          fast[j] = slow[j] = line[s];
        }
        for (int64_t t = s; t < e; ++t) {
          const double x = line[t];
          for (int j = 0; j < nb; ++j) {
            if (t > s) {
              fast[j] = kFast[j] * x + (1.0 - kFast[j]) * fast[j];
              slow[j] = kSlow[j] * x + (1.0 - kSlow[j]) * slow[j];
            }
            out.put(0, t, b0 + j, t >= from[j] ? fast[j] - slow[j] : kNaN);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::volume::adosc
