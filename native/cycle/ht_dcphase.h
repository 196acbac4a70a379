// cycle.ht_dcphase: TA-Lib HT_DCPHASE, the phase of the smoothed price over
// one dominant cycle, in degrees (cycle/common.h).
#pragma once
#include "common.h"

namespace tagrid::cycle::ht_dcphase {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return runHilbert<1>(c, out, 34, 63, 0, noOwnState,
    [](HilbertCore& core, const double*, int64_t, int64_t, double* values) {
      core.updatePhase();
      values[0] = core.dcPhase;
    }, noOwnState);
}

}  // namespace tagrid::cycle::ht_dcphase
