// ma.ht_trendline: TA-Lib HT_TRENDLINE, a 4-bar WMA of the price's mean over
// the dominant cycle (cycle/common.h).
#pragma once
#include "../cycle/common.h"

namespace tagrid::ma::ht_trendline {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return cycle::runHilbert<1>(c, out, 34, 63, 0, cycle::noOwnState,
    [](cycle::HilbertCore& core, const double* x, int64_t origin, int64_t t, double* values) { values[0] = core.trendline(x, origin, t); }, cycle::noOwnState);
}

}  // namespace tagrid::ma::ht_trendline
