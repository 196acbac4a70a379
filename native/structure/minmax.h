// structure.minmax: TA-Lib MINMAX, structure.min and structure.max written
// as two outputs, one after the other in the same scratch.
// scratch: one sparse table
#pragma once
#include "common.h"

namespace tagrid::structure::minmax {

inline int64_t scratch(int64_t T) { return extremesScratch(T, 1); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  for (int k = 0; k < 2; ++k) {
    OutView<Out> one = out;  // output k seen as a one-output view
    one.ptr = out.ptr + k;
    one.nOut = 1;
    if (!one.ptr[0]) continue;
    const int32_t status = k == 0 ? rollingExtremes<Extreme::kMin>(c, one, 1) : rollingExtremes<Extreme::kMax>(c, one, 1);
    if (status != kOk) return status;
  }
  return kOk;
}

}  // namespace tagrid::structure::minmax
