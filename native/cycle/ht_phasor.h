// cycle.ht_phasor: TA-Lib HT_PHASOR, the in-phase (I1) and quadrature (Q1)
// components of the detrended price (cycle/common.h).
#pragma once
#include "common.h"

namespace tagrid::cycle::ht_phasor {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return runHilbert<2>(c, out, 9, 32, 0, noOwnState,
    [](const HilbertCore& core, const double*, int64_t, int64_t, double* values) {
      values[0] = core.inPhase;
      values[1] = core.quadrature;
    }, noOwnState);
}

}  // namespace tagrid::cycle::ht_phasor
