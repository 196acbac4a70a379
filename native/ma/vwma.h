// ma.vwma: Σ(x·volume) / Σvolume over the window, from two prefix sums shared
// by every window; NaN where the window's volume is 0.
// A block of consecutive windows reads both prefixes reversed, as forward
// runs (as SMA does), instead of gathering a pair per lane.
// With state (a stream's batches), both prefixes continue the run as
// windowRatio's (pairPrefixStart in native/primitives.h: A the weighted, B
// the volume, the run the weighted one's).
// inputs: source, volume. scratch: x·volume (T) + two prefixes with the W
// entries before bar 0 (4(T + W)) + lastGap (T) + the two prefixes reversed
// (4(T + W)); W the longest window with state, else 1
#pragma once
#include "common.h"

namespace tagrid::ma::vwma {

inline int64_t scratch(int64_t T, int64_t W) { return 2 * T + 8 * (T + std::max<int64_t>(W, 1)); }

struct VwmaLanes : WindowLanes {
  const double *prefixWeighted, *prefixVolume;

  double at(int j, int64_t t) const {
    const double volume = prefixWindowSum(prefixVolume, t, n[j]);
    const double mean = prefixWindowSum(prefixWeighted, t, n[j]) / volume;  // divided either way: no branch
    return volume != 0.0 ? mean : kNaN;
  }
  // Both prefixes reversed (reversedPairs): pair t + 1 - n[j] is entry T - t - 1 + n[j].
  const double *revWeighted, *revWeightedLo, *revVolume, *revVolumeLo;
  int64_t T;

  void steady(int64_t t, int nb, double* __restrict row) const {
    if (!consecutive) {
      for (int j = 0; j < nb; ++j) row[j] = at(j, t);
      return;
    }
    // at(j, t), its pairs read as forward runs: the same operations.
    const double* w = prefixWeighted + 2 * (t + 1);
    const double* v = prefixVolume + 2 * (t + 1);
    const int64_t first = T - t - 1 + n[0];
    const double* __restrict wHi = revWeighted + first;
    const double* __restrict wLo = revWeightedLo + first;
    const double* __restrict vHi = revVolume + first;
    const double* __restrict vLo = revVolumeLo + first;
    for (int j = 0; j < nb; ++j) {
      const double volume = (v[0] - vHi[j]) + (v[1] - vLo[j]);
      const double mean = ((w[0] - wHi[j]) + (w[1] - wLo[j])) / volume;
      row[j] = mean;
      if (volume == 0.0) row[j] = kNaN;
    }
  }
  void warm(int64_t t, int64_t run, int nb, double* __restrict row) const {
    for (int j = 0; j < nb; ++j) row[j] = run >= n[j] ? at(j, t) : kNaN;
  }
};

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const int64_t T = c.T, W = statePrefixWindow(c, 0);
  if (c.scratchLen < scratch(T, W)) return kScratchTooSmall;
  const double *x = c.in[0], *volume = c.in[1];
  double* weighted = c.scratch;
  double* entriesWeighted = weighted + T;
  double* entriesVolume = entriesWeighted + 2 * (T + W);
  double* lastGap = entriesVolume + 2 * (T + W);
  double* revWeighted = lastGap + T;
  double* revWeightedLo = revWeighted + T + W;
  double* revVolume = revWeightedLo + T + W;
  double* revVolumeLo = revVolume + T + W;
  double* prefixWeighted = entriesWeighted + 2 * (W - 1);
  double* prefixVolume = entriesVolume + 2 * (W - 1);
  const int64_t P = pairPrefixStart(c, W, 0, entriesWeighted, entriesVolume);
  if (P < 0) return kBadParam;
  for (int64_t t = 0; t < T; ++t) weighted[t] = x[t] * volume[t];
  // x·volume is NaN wherever either input is, so its gaps are the ones that count.
  const double run = c.stateIn ? c.stateIn[0] : 0.0;
  prefixSums(volume, T, prefixVolume, lastGap, prefixVolume[0], prefixVolume[1], run);
  prefixSums(weighted, T, prefixWeighted, lastGap, prefixWeighted[0], prefixWeighted[1], run);
  pairPrefixEnd(c, W, P, prefixWeighted, prefixVolume, lastGap);
  reversedPairs(entriesWeighted, T + W, revWeighted, revWeightedLo);
  reversedPairs(entriesVolume, T + W, revVolume, revVolumeLo);
  forEachBlock(c, [&](int64_t b0, int nb) {
    VwmaLanes lanes;
    lanes.prefixWeighted = prefixWeighted;
    lanes.prefixVolume = prefixVolume;
    lanes.revWeighted = revWeighted;
    lanes.revWeightedLo = revWeightedLo;
    lanes.revVolume = revVolume;
    lanes.revVolumeLo = revVolumeLo;
    lanes.T = c.T;
    lanes.load(c.param[0] + b0, nb);
    windowRows(out, lastGap, c.T, b0, nb, lanes.longest, lanes);
  });
  return kOk;
}

}  // namespace tagrid::ma::vwma
