// momentum.cci: TA-Lib CCI of the typical price (H + L + C) / 3, computed once
// per call. Each bar costs O(window): the mean deviation has no running form.
// scratch: tp (T)
#pragma once
#include "common.h"

namespace tagrid::momentum::cci {

// TA-Lib CCI keeps the window in a circular buffer filled from the first bar
// of the run and sums it in slot order: from the bar in slot 0 (a multiple of
// n bars after s) up to t, then the older bars. Summing chronologically
// instead differs by up to 1e-10 relative.
template <typename Term>
inline double slotOrderSum(const double* x, int64_t s, int64_t t, int64_t n, Term term) {
  const int64_t slot0 = t - (t - s) % n;
  double sum = 0.0;
  for (int64_t i = slot0; i <= t; ++i) sum += term(x[i]);
  for (int64_t i = t - n + 1; i < slot0; ++i) sum += term(x[i]);
  return sum;
}

// TA-Lib CCI at bar t of the run starting at s: (TP - mean) / (0.015 * mean
// absolute deviation), 0 when either is exactly 0; `flat` where the deviation
// is 0 (0/0: 0 in TA-Lib, NaN with zero_denominator 'nan').
inline double cciAt(const double* tp, int64_t s, int64_t t, int64_t n, double flat) {
  const double nd = static_cast<double>(n);
  const double mean = slotOrderSum(tp, s, t, n, [](double v) { return v; }) / nd;
  const double dev = slotOrderSum(tp, s, t, n, [mean](double v) { return std::fabs(v - mean); });
  const double diff = tp[t] - mean;
  if (dev == 0.0) return flat;
  return diff != 0.0 ? diff / (0.015 * (dev / nd)) : 0.0;
}

// Kernel state (per variant, kCciState numbers): [lead, age]. The call's
// first `lead` bars are the bars before the state (lead >= window - 1: every window
// is in the call); `age` counts the valid bars of the run through bar
// lead - 1, which place TA-Lib's slots. stateOut: the same after the last bar.
constexpr int kCciState = 2;

inline int64_t scratch(int64_t T) { return T; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  LeadState state;
  if (state.read(c, kCciState, static_cast<int64_t>(maxParam(c, 0)) - 1) != kOk) return kBadParam;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2];
  double* tp = c.scratch;
  for (int64_t t = 0; t < c.T; ++t) tp[t] = (high[t] + low[t] + close[t]) / 3.0;
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t w[kBlock];
    for (int j = 0; j < nb; ++j) w[j] = static_cast<int64_t>(c.param[0][b0 + j]);
    state.startBlock(c, kCciState, b0, nb);
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        const LeadState::Run r = state.run(s, e);
        for (int64_t t = s; t < r.from; ++t) out.putNaNAll(t, b0, nb);
        for (int64_t t = r.from; t < e; ++t)
          for (int j = 0; j < nb; ++j) out.put(0, t, b0 + j, t - r.origin >= w[j] - 1 ? cciAt(tp, r.origin, t, w[j], zeroDenominator(c, 1, b0 + j, 0.0)) : kNaN);
        if (c.stateOut && r.from < e)
          for (int j = 0; j < nb; ++j) state.keep(c, kCciState, b0 + j, r.origin, e);
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::momentum::cci
