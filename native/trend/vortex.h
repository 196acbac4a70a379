// trend.vortex: VI+ = sum |H - L_prev| / sum TR and VI- = sum |L - H_prev| /
// sum TR over the last n bars, from bar n (the first movement is at bar 1).
// NaN where the true ranges of the window sum to 0. Window sums come from
// prefix sums built once per call. scratch: three series and the gap index
// (4T), their prefix sums with W entries before bar 0 (6(T + W))
#pragma once
#include "common.h"

namespace tagrid::trend::vortex {

inline int64_t scratch(int64_t T, int64_t W) { return 4 * T + 6 * (T + std::max<int64_t>(W, 1)); }

// Kernel state (per call): the run's age at bar -1 (-1 after a NaN bar) and
// that bar's high, low and close, then the P entries of the three prefix
// sums (VM+ hi, lo, VM- hi, lo, TR hi, lo) after each of the P bars before
// the call, oldest first, P >= the call's longest window (ma.sma's
// prefixStatePairs, three at a time): bar 0's movements are from bar -1,
// and the prefixes continue the run, so every window sum is the one of a
// call over every bar.
constexpr int kHead = 4, kSeries = 3;

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const int64_t T = c.T, W = std::max<int64_t>(callWindow(c, {0}), 1);
  if (c.scratchLen < scratch(T, W)) return kScratchTooSmall;
  CarriedPrefixes carry{kHead - 1, kSeries, W};
  if (!carry.read(c)) return kBadParam;
  const double *high = c.in[0], *low = c.in[1];
  double* moves[kSeries] = {c.scratch, c.scratch + T, c.scratch + 2 * T};  // VM+, VM-, TR
  double* lastGap = c.scratch + 3 * T;
  double* sums[kSeries];
  for (int k = 0; k < kSeries; ++k) sums[k] = lastGap + T + 2 * (T + W) * k + 2 * (W - 1);  // entry 0 of each prefix
  double *plus = moves[0], *minus = moves[1], *tr = moves[2];
  if (T > 0) plus[0] = minus[0] = tr[0] = kNaN;
  for (int64_t t = 1; t < T; ++t) {
    plus[t] = std::fabs(high[t] - low[t - 1]);
    minus[t] = std::fabs(low[t] - high[t - 1]);
  }
  trueRanges(high, low, c.in[2], T, tr);
  // A movement needs its bar and the one before valid: NaN elsewhere, so the
  // three prefix sums restart together at every run's first movement.
  for (int64_t t = 1; t < T; ++t)
    if (!validAt(c.in, 3, t) || !validAt(c.in, 3, t - 1)) plus[t] = minus[t] = tr[t] = kNaN;
  // With state, bar 0's movements are from bar -1 when both are valid, and the run goes on from its age.
  const double age = carry.age(c);
  if (T > 0 && age >= 0.0 && validAt(c.in, 3, 0)) {
    plus[0] = std::fabs(high[0] - c.stateIn[2]);
    minus[0] = std::fabs(low[0] - c.stateIn[1]);
    tr[0] = trueRange(high[0], low[0], c.stateIn[3]);
  }
  for (int k = 0; k < kSeries; ++k) {
    carry.entriesBefore(c, k, sums[k]);
    prefixSums(moves[k], T, sums[k], lastGap, sums[k][0], sums[k][1], std::max(age, 0.0));
  }
  const int64_t carried = T > 0 && age >= 0.0 && validAt(c.in, 3, 0) ? static_cast<int64_t>(age) + 1 : 0;  // bars of bar 0's run before the call
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 3, T,
      [&](int64_t s, int64_t e) {
        const int64_t start = s == 0 ? -carried : s;
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const int64_t w = static_cast<int64_t>(window[b0 + j]);
            if (t < start + w) { out.putNaNAll(t, b0 + j, 1); continue; }
            const double range = prefixWindowSum(sums[2], t, w);
            out.put(0, t, b0 + j, range == 0.0 ? kNaN : prefixWindowSum(sums[0], t, w) / range);
            out.put(1, t, b0 + j, range == 0.0 ? kNaN : prefixWindowSum(sums[1], t, w) / range);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  carry.write(c, sums, carried);
  return kOk;
}

}  // namespace tagrid::trend::vortex
