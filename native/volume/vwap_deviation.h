// volume.vwap_deviation: rolling VWAP with bands at +- mult volume-weighted
// population standard deviations of the typical price around it. The moments
// come from WeightedMoments (no cancellation, exact 0 on a flat window); the
// typical price is computed once per call. outputs: vwap, upper, lower, stdev.
// Kernel state (per variant, at stateStride): [lead, age, the last
// window's moments (weight, mean, m2), the WeightedMoments state (pos, the
// chunk's moments, then its tail of 3 window numbers)]. The call's first `lead` bars are
// the bars before the state (lead >= window: a chunk starting after it reads the
// chunk before it from the call); `age` counts the valid bars of the run
// through bar lead - 1, the points since the reset. stateOut: the same after
// the last bar, the last run's moments and tail (age 0 after a gap).
// scratch: typical price (T) + a WeightedMoments tail per variant of a block
#pragma once
#include <cmath>
#include "common.h"

namespace tagrid::volume::vwap_deviation {

inline int64_t scratch(int64_t T, int64_t W) { return T + kBlock * weightedMomentsScratch(windowCapacity(T, W)); }

// Numbers of the state before the tail: lead, age, the last window's moments, WeightedMoments' head.
constexpr int64_t kVwapStateHead = 2 + WeightedMoments::kStateHead + 3;

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const int64_t W = callWindow(c, {0});
  if (c.scratchLen < scratch(c.T, W)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2], *volume = c.in[3];
  const int64_t S = stateStride(c);
  LeadState lead;
  if (lead.read(c, S, W) != kOk || (lead.on && S < kVwapStateHead + 3 * W)) return kBadParam;
  const int64_t lane = weightedMomentsScratch(windowCapacity(c.T, W));
  double* tp = c.scratch;
  double* tails = c.scratch + c.T;
  for (int64_t t = 0; t < c.T; ++t) tp[t] = typicalPrice(high[t], low[t], close[t]);
  forEachBlock(c, [&](int64_t b0, int nb) {
    WeightedMoments window[kBlock];
    lead.startBlock(c, S, b0, nb);
    for (int j = 0; j < nb; ++j) {
      window[j].reset(tails + j * lane, static_cast<int64_t>(c.param[0][b0 + j]));
      if (!lead.on) continue;
      window[j].load(c.stateIn + S * (b0 + j) + kVwapStateHead - WeightedMoments::kStateHead, lead.age);
    }
    forEachSegment(c.in, 4, c.T,
      [&](int64_t s, int64_t e) {
        const LeadState::Run r = lead.run(s, e);
        for (int64_t t = s; t < r.from; ++t) out.putNaNAll(t, b0, nb);
        if (!r.goesOn)
          for (int j = 0; j < nb; ++j) window[j].reset(window[j].tail, window[j].n);
        for (int64_t t = r.from; t < e; ++t) {
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
        if (!c.stateOut || r.from >= e) return;
        for (int j = 0; j < nb; ++j) {
          double* to = lead.keep(c, S, b0 + j, r.origin, e) + 2;
          const Moments last = window[j].window();
          to[0] = last.weight;
          to[1] = last.mean;
          to[2] = last.m2;
          window[j].save(to + 3);
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::volume::vwap_deviation
