// cycle.ht_sine: TA-Lib HT_SINE, sin(DC phase) and sin(DC phase + 45°)
// (cycle/common.h).
#pragma once
#include "common.h"

namespace tagrid::cycle::ht_sine {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const double deg2Rad = 1.0 / rad2Deg();
  return runHilbert<2>(c, out, 34, 63, 0, noOwnState,
    [&](HilbertCore& core, const double*, int64_t, int64_t, double* values) {
      core.updatePhase();
      values[0] = fdlibm::sin(core.dcPhase * deg2Rad);
      values[1] = fdlibm::sin((core.dcPhase + 45) * deg2Rad);
    }, noOwnState);
}

}  // namespace tagrid::cycle::ht_sine
