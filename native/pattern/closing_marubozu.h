// pattern.closing_marubozu: TA-Lib CDLCLOSINGMARUBOZU. A long candle with no
// shadow on its closing side (a very short one): +100 white, -100 black.
#pragma once
#include "belt_hold.h"

namespace tagrid::pattern::closing_marubozu {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return belt_hold::runSide<true>(c, out); }

}  // namespace tagrid::pattern::closing_marubozu
