// trend.chandelier_exit: long = highest high - mult * ATR(n), short = lowest
// low + mult * ATR(n), the extremes over the last n bars; from bar n, or from
// bar n-1 (the first full channel) with seed 'first' (param 2), whose ATR
// starts at bar 0 as volatility.atr's. scratch: true range (T) and a price channel
// Kernel state (per variant, kChandelierState numbers): [lead, age, ATR]. The
// call's first `lead` bars are the bars before the state (lead >= window - 1, and
// >= 1: every channel and the first true range read their bars from the
// call); `age` counts the valid bars of the run through bar lead - 1 and the
// ATR is the average there, or while seeding the in-order sum of the true
// ranges so far (0 on the run's first bar). stateOut gets the same after the
// last bar (age 0 after a gap), the ATR as the last run left it.
#pragma once
#include "common.h"

namespace tagrid::trend::chandelier_exit {

constexpr int kChandelierState = 3;

inline int64_t scratch(int64_t T) { return T + RollingRange::scratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  LeadState state;
  if (state.read(c, kChandelierState, std::max<int64_t>(static_cast<int64_t>(maxParam(c, 0)) - 1, 1)) != kOk) return kBadParam;
  double* tr = c.scratch;
  trueRanges(c.in[0], c.in[1], c.in[2], c.T, tr);
  RollingRange channel;
  channel.build(c.in[0], c.in[1], c.T, static_cast<int64_t>(maxParam(c, 0)), c.scratch + c.T);
  const double *window = c.param[0], *mult = c.param[1];
  forEachBlock(c, [&](int64_t b0, int nb) {
    RollingRange::Window lanes[kBlock];
    for (int j = 0; j < nb; ++j) lanes[j] = channel.window(static_cast<int64_t>(window[b0 + j]));
    state.startBlock(c, kChandelierState, b0, nb);
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        const LeadState::Run r = state.run(s, e);
        for (int64_t t = s; t < r.from; ++t) out.putNaNAll(t, b0, nb);
        if (r.from == e) return;
        const int64_t from = r.goesOn ? r.from : s + 1;  // the first true range this call adds to a seeding sum
        // Per lane: the ATR's first bar (seed 'first': the run's first; else its n-th true range) and the
        // ATR, or the seeding sum, carried into the run (0 for a run starting here).
        double atr[kBlock], carried[kBlock];
        int64_t seedAt[kBlock], shownAt[kBlock];
        for (int j = 0; j < nb; ++j) {
          const int64_t w = static_cast<int64_t>(window[b0 + j]);
          const bool first = seedsFirst(c, 2, b0 + j);
          seedAt[j] = first ? r.origin : r.origin + w;
          shownAt[j] = r.origin + w - (first ? 1 : 0);
          carried[j] = r.goesOn ? c.stateIn[kChandelierState * (b0 + j) + 2] : 0.0;
          atr[j] = carried[j];
        }
        const double firstRange = c.in[0][s] - c.in[1][s];
        for (int64_t t = r.from; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const double n = window[b0 + j];
            if (t > seedAt[j]) atr[j] = wilderStep(atr[j], tr[t], n);
            else if (t == seedAt[j]) atr[j] = seedAt[j] == r.origin ? firstRange : sumOnto(carried[j], tr, from, t + 1 - from) / n;
            if (t < shownAt[j]) { out.putNaNAll(t, b0 + j, 1); continue; }
            const double band = mult[b0 + j] * atr[j];
            out.put(0, t, b0 + j, lanes[j].upper(t) - band);
            out.put(1, t, b0 + j, lanes[j].lower(t) + band);
          }
        }
        if (!c.stateOut) return;
        for (int j = 0; j < nb; ++j)
          state.keep(c, kChandelierState, b0 + j, r.origin, e)[2] = e - 1 >= seedAt[j] ? atr[j] : sumOnto(carried[j], tr, from, e - from);
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::trend::chandelier_exit
