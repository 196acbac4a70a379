// volatility.bbands: TA-Lib BBANDS (mid, upper, lower), the middle an SMA or
// TA_MA of type matype (param 2).
#pragma once
#include "common.h"

namespace tagrid::volatility::bbands {

inline int64_t scratch(int64_t T, int64_t W) { return bandsScratch(T, W); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return spread<Spread::kBands>(c, out); }

}  // namespace tagrid::volatility::bbands
