// ma.vwma: Σ(x·volume) / Σvolume over the window, from two prefix sums shared
// by every window; NaN where the window's volume is 0.
// inputs: source, volume. scratch: x·volume (T) + two prefixes (4T + 4) + lastGap (T)
#pragma once
#include "common.h"

namespace tagrid::ma::vwma {

inline int64_t scratch(int64_t T) { return 2 * T + 2 * prefixLength(T); }

struct VwmaLanes : WindowLanes {
  const double *prefixWeighted, *prefixVolume;

  double at(int j, int64_t t) const {
    const double volume = prefixWindowSum(prefixVolume, t, n[j]);
    const double mean = prefixWindowSum(prefixWeighted, t, n[j]) / volume;  // divided either way: no branch
    return volume != 0.0 ? mean : kNaN;
  }
  void steady(int64_t t, int nb, double* __restrict row) const {
    for (int j = 0; j < nb; ++j) row[j] = at(j, t);
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
  for (int64_t t = 0; t < c.T; ++t) weighted[t] = x[t] * volume[t];
  // x·volume is NaN wherever either input is, so its gaps are the ones that count.
  prefixSums(volume, c.T, prefixVolume, lastGap);
  prefixSums(weighted, c.T, prefixWeighted, lastGap);
  forEachBlock(c, [&](int64_t b0, int nb) {
    VwmaLanes lanes;
    lanes.prefixWeighted = prefixWeighted;
    lanes.prefixVolume = prefixVolume;
    lanes.load(c.param[0] + b0, nb);
    windowRows(out, lastGap, c.T, b0, nb, lanes.longest, lanes);
  });
  return kOk;
}

}  // namespace tagrid::ma::vwma
