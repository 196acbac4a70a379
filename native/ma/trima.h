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

// Kernel state (per variant, S numbers, S itself first: the prefix's length
// is the stream's longest window, unknown to a call): [S, the outer sum and
// its rounding error as the variant's last bar with an inner mean left them,
// then ma.sma's prefix state of the source (prefixStatePairs: the run, the
// last P = (S - 4) / 2 prefix pairs), the same in every variant of a call].
constexpr int kStateHead = 3;

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (!c.stateIn && !c.stateOut) return overSourcePrefix<TrimaLanes>(c, out);
  if (!c.stateIn || c.stateLen < 1) return kBadParam;
  const double size = c.stateIn[0];
  if (size != std::floor(size) || size < kStateHead + 3 || size * static_cast<double>(c.v1) > static_cast<double>(c.stateLen)) return kBadParam;
  const int64_t S = static_cast<int64_t>(size);
  // The prefix runs on variant v0's copy of the source's state, and leaves its own in v0's slot (copied to the others below).
  KernelCall prefixCall = c;
  prefixCall.stateIn = c.stateIn + S * c.v0 + kStateHead;
  prefixCall.stateOut = c.stateOut ? c.stateOut + S * c.v0 + kStateHead : nullptr;
  prefixCall.stateLen = S - kStateHead;
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
    for (int j = 0; j < nb; ++j) {
      lanes.sum[j] = c.stateIn[S * (b0 + j) + 1];
      lanes.err[j] = c.stateIn[S * (b0 + j) + 2];
    }
    windowRows(out, lastGap, c.T, b0, nb, lanes.longest, lanes);
    if (!c.stateOut) return;
    const double* source = c.stateOut + S * c.v0;
    for (int j = 0; j < nb; ++j) {
      double* to = c.stateOut + S * (b0 + j);
      if (b0 + j != c.v0) std::copy(source + kStateHead, source + S, to + kStateHead);
      to[0] = size;
      to[1] = lanes.sum[j];
      to[2] = lanes.err[j];
    }
  });
  return kOk;
}

}  // namespace tagrid::ma::trima
