// volatility.bbands_percent_b: where x sits between the bands, (x − lower) / (upper − lower).
#pragma once
#include "common.h"

namespace tagrid::volatility::bbands_percent_b {

inline int64_t scratch(int64_t T, int64_t W) { return bandsScratch(T, W); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return spread<Spread::kPercentB>(c, out); }

}  // namespace tagrid::volatility::bbands_percent_b
