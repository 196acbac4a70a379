// structure.tsf: TA-Lib TSF, trend.linreg's line one bar ahead.
#pragma once
#include "../trend/linreg.h"

namespace tagrid::structure::tsf {

inline int64_t scratch(int64_t T, int64_t W) { return trend::linreg::scratch(T, W); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return trend::linreg::regression<true>(c, out); }

}  // namespace tagrid::structure::tsf
