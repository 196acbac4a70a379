// ma.trima: TA-Lib TRIMA as SMA(SMA(x, a), b), a + b = n + 1: (n+1)/2 twice
// for odd n, n/2 then n/2 + 1 for even n. The inner means come from the
// shared prefix sums; the outer sum runs per lane, adding the newest inner
// mean, emitting, then dropping the oldest, with its rounding errors kept
// (compensatedAdd) so it does not drift along a long run.
#pragma once
#include "common.h"

namespace tagrid::ma::trima {

struct TrimaLanes : PrefixLanes {
  static constexpr bool kReversed = false;
  alignas(64) double sum[kBlock], err[kBlock], innerSpan[kBlock], outerSpan[kBlock];
  int32_t inner[kBlock], outer[kBlock];

  void load(const double* window, int nb) {
    WindowLanes::load(window, nb);
    for (int j = 0; j < nb; ++j) {
      inner[j] = n[j] % 2 ? (n[j] + 1) / 2 : n[j] / 2;
      outer[j] = n[j] + 1 - inner[j];
      innerSpan[j] = static_cast<double>(inner[j]);
      outerSpan[j] = static_cast<double>(outer[j]);
    }
  }
  double mean(int j, int64_t t) const { return prefixWindowSum(prefix, t, inner[j]) / innerSpan[j]; }
  double slide(int j, int64_t t) {
    compensatedAdd(sum[j], err[j], mean(j, t));
    const double v = (sum[j] + err[j]) / outerSpan[j];
    compensatedAdd(sum[j], err[j], -mean(j, t - outer[j] + 1));
    return v;
  }
  void steady(int64_t t, int nb, double* __restrict row) {
    for (int j = 0; j < nb; ++j) row[j] = slide(j, t);
  }
  void warm(int64_t t, int64_t run, int nb, double* __restrict row) {
    for (int j = 0; j < nb; ++j) {
      row[j] = kNaN;
      if (run < inner[j]) continue;
      if (run == inner[j]) sum[j] = err[j] = 0.0;  // the first inner mean of a run of valid bars
      if (run < n[j]) compensatedAdd(sum[j], err[j], mean(j, t));
      else row[j] = slide(j, t);
    }
  }
};

inline int64_t scratch(int64_t T, int64_t W) { return prefixLanesScratch<TrimaLanes>(T, std::max<int64_t>(W, 1)); }

// Kernel state: per variant (stateIn, indexed by global variant) kStateStride
// numbers, the outer sum and its rounding error as the variant's last bar
// with an inner mean left them; the source's part once per run (runStateIn):
// ma.sma's prefix state (prefixStatePairs: the run, the last P prefix pairs),
// which the call continues and leaves in runStateOut.
constexpr int64_t kStateStride = 2;

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (!c.stateIn && !c.stateOut) return overSourcePrefix<TrimaLanes>(c, out);
  if (!c.stateIn || c.stateLen < kStateStride * c.v1 || !c.runStateIn) return kBadParam;
  KernelCall prefixCall = c;
  prefixCall.stateIn = c.runStateIn;
  prefixCall.stateOut = c.runStateOut;
  prefixCall.stateLen = c.runStateLen;
  const int64_t W = statePrefixWindow(c, 0);
  if (c.scratchLen < prefixLanesScratch<TrimaLanes>(c.T, W)) return kScratchTooSmall;
  double* entries = c.scratch;
  double* lastGap = entries + 2 * (c.T + W);
  const double* prefix = statePrefixSums(prefixCall, 0, entries, lastGap);
  if (!prefix) return kBadParam;
  forEachBlock(c, [&](int64_t b0, int nb) {
    TrimaLanes lanes;
    lanes.prefix = prefix;
    lanes.T = c.T;
    lanes.load(c.param[0] + b0, nb);
    const double* from = c.stateIn + kStateStride * b0;
    for (int j = 0; j < nb; ++j) {
      lanes.sum[j] = from[kStateStride * j];
      lanes.err[j] = from[kStateStride * j + 1];
    }
    windowRows(out, lastGap, c.T, b0, nb, lanes.longest, lanes);
    if (!c.stateOut) return;
    double* to = c.stateOut + kStateStride * b0;
    for (int j = 0; j < nb; ++j) {
      to[kStateStride * j] = lanes.sum[j];
      to[kStateStride * j + 1] = lanes.err[j];
    }
  });
  return kOk;
}

}  // namespace tagrid::ma::trima
