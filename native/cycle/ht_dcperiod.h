// cycle.ht_dcperiod: TA-Lib HT_DCPERIOD, the smoothed dominant-cycle period
// (cycle/common.h). One series for every variant (there are no params).
#pragma once
#include "common.h"

namespace tagrid::cycle::ht_dcperiod {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return runHilbert<1>(c, out, 9, 32, 0, noOwnState,
    [](const HilbertCore& core, const double*, int64_t, int64_t, double* values) { values[0] = core.smoothPeriod; }, noOwnState);
}

}  // namespace tagrid::cycle::ht_dcperiod
