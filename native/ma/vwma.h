// ma.vwma: Σ(x·volume) / Σvolume over the window, from two prefix sums shared
// by every window; NaN where the window's volume is 0.
// A block of consecutive windows reads both prefixes reversed, as forward
// runs (as SMA does), instead of gathering a pair per lane.
// inputs: source, volume. scratch: x·volume (T) + two prefixes (4T + 4) +
// lastGap (T) + the two prefixes reversed (4T + 4)
#pragma once
#include "common.h"

namespace tagrid::ma::vwma {

inline int64_t scratch(int64_t T) { return 2 * T + 4 * prefixLength(T); }

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
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  const double *x = c.in[0], *volume = c.in[1];
  double* weighted = c.scratch;
  double* prefixWeighted = weighted + c.T;
  double* prefixVolume = prefixWeighted + prefixLength(c.T);
  double* lastGap = prefixVolume + prefixLength(c.T);
  double* revWeighted = lastGap + c.T;
  double* revWeightedLo = revWeighted + c.T + 1;
  double* revVolume = revWeightedLo + c.T + 1;
  double* revVolumeLo = revVolume + c.T + 1;
  for (int64_t t = 0; t < c.T; ++t) weighted[t] = x[t] * volume[t];
  // x·volume is NaN wherever either input is, so its gaps are the ones that count.
  prefixSums(volume, c.T, prefixVolume, lastGap);
  prefixSums(weighted, c.T, prefixWeighted, lastGap);
  reversedPairs(prefixWeighted, c.T + 1, revWeighted, revWeightedLo);
  reversedPairs(prefixVolume, c.T + 1, revVolume, revVolumeLo);
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
