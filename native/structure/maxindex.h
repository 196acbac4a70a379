// structure.maxindex: TA-Lib MAXINDEX, absolute bar indexes (see ExtremeIndex).
#pragma once
#include "common.h"

namespace tagrid::structure::maxindex {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return extremeIndexes(c, out, -1, 0); }

}  // namespace tagrid::structure::maxindex
