// volume.adosc: TA-Lib ADOSC, EMA(AD, fast) - EMA(AD, slow). Unlike TA-Lib's
// EMA, both start from the first AD value (no SMA seed), update as
// k * x + (1 - k) * e, and the line is emitted from bar max(fast, slow) - 1;
// fast > slow is computed as given, like TA-Lib. scratch: ad (T)
#pragma once
#include "common.h"

namespace tagrid::volume::adosc {

inline int64_t scratch(int64_t T) { return T; }

// Kernel state (per variant, kState numbers): the fast and slow EMAs, the AD
// sum and the run's age at its last bar (-1 after a NaN bar, the rest then
// left as the run ended). A call whose bar 0 is valid continues the run (the
// same in every variant: one run of the inputs).
constexpr int kState = 4;

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  constexpr int S = kState;
  if ((c.stateIn || c.stateOut) && (!c.stateIn || c.stateLen < S * c.v1)) return kBadParam;
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  double* line = c.scratch;
  const bool carried = c.stateIn && c.T > 0 && validAt(c.in, 4, 0) && c.stateIn[S * c.v0 + 3] >= 0.0;
  adLine(c, line, carried ? c.stateIn[S * c.v0 + 2] : kNaN);
  forEachBlock(c, [&](int64_t b0, int nb) {
    if (c.stateOut) {
      std::copy(c.stateIn + S * b0, c.stateIn + S * (b0 + nb), c.stateOut + S * b0);
      for (int j = 0; j < nb; ++j) c.stateOut[S * (b0 + j) + 3] = -1.0;
    }
    forEachSegment(c.in, 4, c.T,
      [&](int64_t s, int64_t e) {
        // The run's first bar: before the call when bar 0 continues the state's run.
        const int64_t start = s == 0 && carried ? -static_cast<int64_t>(c.stateIn[S * c.v0 + 3]) - 1 : s;
        double fast[kBlock], slow[kBlock], kFast[kBlock], kSlow[kBlock];
        int64_t from[kBlock];
        for (int j = 0; j < nb; ++j) {
          const double f = c.param[0][b0 + j], sl = c.param[1][b0 + j];
          kFast[j] = 2.0 / (f + 1.0);
          kSlow[j] = 2.0 / (sl + 1.0);
          from[j] = start + static_cast<int64_t>(f > sl ? f : sl) - 1;
          fast[j] = start < s ? c.stateIn[S * (b0 + j)] : line[s];
          slow[j] = start < s ? c.stateIn[S * (b0 + j) + 1] : line[s];
        }
        for (int64_t t = s; t < e; ++t) {
          const double x = line[t];
          for (int j = 0; j < nb; ++j) {
            if (t > start) {
              fast[j] = kFast[j] * x + (1.0 - kFast[j]) * fast[j];
              slow[j] = kSlow[j] * x + (1.0 - kSlow[j]) * slow[j];
            }
            out.put(0, t, b0 + j, t >= from[j] ? fast[j] - slow[j] : kNaN);
          }
        }
        if (!c.stateOut) return;
        for (int j = 0; j < nb; ++j) {
          double* to = c.stateOut + S * (b0 + j);
          to[0] = fast[j], to[1] = slow[j], to[2] = line[e - 1];
          to[3] = e == c.T ? static_cast<double>(e - 1 - start) : -1.0;
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::volume::adosc
