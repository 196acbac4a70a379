// ma.kama: TA-Lib KAMA. ER = |x − x[t−n]| / Σ|Δx| over the window, and the
// smoothing constant (ER·(2/3 − 2/31) + 2/31)² drives an EMA-like update
// that starts from x[n−1]. The path length of every window comes from one
// prefix sum of |Δx|, which is exactly 0 on a flat window.
// scratch: |Δx| (T) + prefix (2T + 2) + lastGap (T)
#pragma once
#include "common.h"

namespace tagrid::ma::kama {

inline int64_t scratch(int64_t T) { return 2 * T + prefixLength(T); }

constexpr double kKamaSlow = 2.0 / (30.0 + 1.0);
constexpr double kKamaDiff = 2.0 / (2.0 + 1.0) - kKamaSlow;

inline double kamaConstant(double change, double path) {
  const double ratio = std::fabs(change / path);  // divided either way: no branch
  const double er = path <= change || nearZero(path) ? 1.0 : ratio;
  const double sc = er * kKamaDiff + kKamaSlow;
  return sc * sc;
}

struct KamaLanes : WindowLanes {
  const double *x, *prefix;
  alignas(64) double kama[kBlock];

  double slide(int j, int64_t t) {
    kama[j] = emaStep(kama[j], x[t], kamaConstant(x[t] - x[t - n[j]], prefixWindowSum(prefix, t, n[j])));
    return kama[j];
  }
  void steady(int64_t t, int nb, double* __restrict row) {
    for (int j = 0; j < nb; ++j) row[j] = slide(j, t);
  }
  // run counts the valid differences ending at t: n of them first at bar n.
  void warm(int64_t t, int64_t run, int nb, double* __restrict row) {
    for (int j = 0; j < nb; ++j) {
      row[j] = kNaN;
      if (run < n[j]) continue;
      if (run == n[j]) kama[j] = x[t - 1];
      row[j] = slide(j, t);
    }
  }
};

// Kernel state (per variant, kState numbers): the average at bar lead - 1,
// then the prefix pair of |Δx| after bar -1, x[-1], the valid bars ending
// at bar -1 and `lead` (at least the longest window). The call's first lead
// bars are the stream's last ones (its ring of the source), so every window
// lies in the call and its prefix continues from bar -1; the kernel writes
// NaN before bar lead and leaves each average after its last bar, with the
// pair, value and valid bars of that bar and a lead of 0.
constexpr int kState = 6;

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  constexpr int S = kState;
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  const bool state = c.stateIn || c.stateOut;
  if (state && (!c.stateIn || c.stateLen < S * c.v1)) return kBadParam;
  const double* head = state ? c.stateIn + S * c.v0 : nullptr;
  const int64_t lead = state ? static_cast<int64_t>(head[5]) : 0;
  if (state && (lead < callWindow(c, {0}) || lead > c.T)) return kBadParam;
  const double* x = c.in[0];
  double* absDiff = c.scratch;
  double* prefix = c.scratch + c.T;
  double* lastGap = prefix + prefixLength(c.T);
  // |Δx| is NaN at bar 0 and next to a gap, so a window of n differences is
  // NaN-free exactly when its n + 1 bars are (bar 0's from bar -1 with state).
  for (int64_t t = 0; t < c.T; ++t) absDiff[t] = t > 0 ? std::fabs(x[t] - x[t - 1]) : kNaN;
  if (state && c.T > 0 && head[4] >= 1.0) absDiff[0] = std::fabs(x[0] - head[3]);
  if (state) prefixSums(absDiff, c.T, prefix, lastGap, head[1], head[2], std::max(head[4] - 1.0, 0.0));
  else prefixSums(absDiff, c.T, prefix, lastGap);
  forEachBlock(c, [&](int64_t b0, int nb) {
    KamaLanes lanes;
    lanes.x = x;
    lanes.prefix = prefix;
    lanes.load(c.param[0] + b0, nb);
    for (int j = 0; j < nb && state; ++j) lanes.kama[j] = c.stateIn[S * (b0 + j)];
    for (int64_t t = 0; t < lead; ++t) out.putNaNAll(t, b0, nb);
    windowRows(out, lastGap, c.T, b0, nb, lanes.longest + 1, lanes, lead);
    if (!c.stateOut || c.T == 0) return;
    const int64_t T = c.T;
    for (int j = 0; j < nb; ++j) {
      double* to = c.stateOut + S * (b0 + j);
      to[0] = lanes.kama[j], to[1] = prefix[2 * T], to[2] = prefix[2 * T + 1], to[3] = x[T - 1];
      to[4] = std::isnan(x[T - 1]) ? 0.0 : static_cast<double>(T - 1) - lastGap[T - 1] + 1.0, to[5] = 0.0;
    }
  });
  return kOk;
}

}  // namespace tagrid::ma::kama
