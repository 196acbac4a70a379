// volume.vwap_deviation: rolling VWAP with bands at +- mult volume-weighted
// population standard deviations of the typical price around it. The moments
// come from WeightedMoments (no cancellation, exact 0 on a flat window); the
// typical price is computed once per call. outputs: vwap, upper, lower, stdev.
// scratch: typical price (T) + a WeightedMoments tail per variant of a block
#pragma once
#include <cmath>
#include "common.h"

namespace tagrid::volume::vwap_deviation {

inline int64_t scratch(int64_t T, int64_t W) { return T + kBlock * weightedMomentsScratch(windowCapacity(T, W)); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const int64_t W = callWindow(c, {0});
  if (c.scratchLen < scratch(c.T, W)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2], *volume = c.in[3];
  const int64_t lane = weightedMomentsScratch(windowCapacity(c.T, W));
  double* tp = c.scratch;
  double* tails = c.scratch + c.T;
  for (int64_t t = 0; t < c.T; ++t) tp[t] = typicalPrice(high[t], low[t], close[t]);
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 4, c.T,
      [&](int64_t s, int64_t e) {
        WeightedMoments window[kBlock];
        for (int j = 0; j < nb; ++j) window[j].reset(tails + j * lane, static_cast<int64_t>(c.param[0][b0 + j]));
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const Moments m = window[j].push(tp, volume, t);
            if (!window[j].full() || m.weight == 0.0) {
              out.putNaNAll(t, b0 + j, 1);
              continue;
            }
            const double sd = std::sqrt(m.m2 / m.weight), band = c.param[1][b0 + j] * sd;
            out.put(0, t, b0 + j, m.mean);
            out.put(1, t, b0 + j, m.mean + band);
            out.put(2, t, b0 + j, m.mean - band);
            out.put(3, t, b0 + j, sd);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::volume::vwap_deviation
