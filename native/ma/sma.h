// ma.sma: one prefix-sum pass per call serves every window of the grid;
// consecutive windows read the reversed prefix as a forward run.
#pragma once
#include "common.h"

namespace tagrid::ma::sma {

struct SmaLanes : PrefixLanes {
  static constexpr bool kReversed = true;
  static constexpr bool kStoresSteadyRows = true;

  // A multiply by 1/n instead of TA-Lib's divide: within one ulp, and the
  // divide would be the slowest instruction of the loop.
  double at(int j, int64_t t) const { return prefixWindowSum(prefix, t, n[j]) * inv[j]; }
  template <typename Out>
  void steadyRow(const OutView<Out>& out, int64_t t, int64_t b0, int nb) const {
    if (consecutive) {
      // Pair t + 1 - n[j] of prefix is entry T - t - 1 + n[0] + j of
      // prefixRev(Lo): a forward run. Each lane is prefixWindowSum's
      // (Δsum) + (Δerror), times 1/n, computed as it is stored.
      const double head = prefix[2 * (t + 1)], headLo = prefix[2 * (t + 1) + 1];
      const double* __restrict tail = prefixRev + (T - t - 1 + n[0]);
      const double* __restrict tailLo = prefixRevLo + (T - t - 1 + n[0]);
      const double* __restrict scale = inv;
      const F64x2 head2 = F64x2::splat(head), headLo2 = F64x2::splat(headLo);
      out.putRowPairs(0, t, b0, nb,
        [&](int j) { return ((head2 - F64x2::load(tail + j)) + (headLo2 - F64x2::load(tailLo + j))) * F64x2::load(scale + j); },
        [&](int j) { return ((head - tail[j]) + (headLo - tailLo[j])) * scale[j]; });
    } else {
      alignas(64) double row[kBlock];
      for (int j = 0; j < nb; ++j) row[j] = at(j, t);
      out.putRow(0, t, b0, nb, row);
    }
  }
  void warm(int64_t t, int64_t run, int nb, double* __restrict row) const {
    for (int j = 0; j < nb; ++j) row[j] = run >= n[j] ? at(j, t) : kNaN;
  }
};

// W: the longest window, the pairs a call with state starts from.
inline int64_t scratch(int64_t T, int64_t W) { return prefixLanesScratch<SmaLanes>(T, std::max<int64_t>(W, 1)); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return overSourcePrefix<SmaLanes>(c, out); }

}  // namespace tagrid::ma::sma
