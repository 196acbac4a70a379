// volatility.bbands_bandwidth: (upper − lower) / mid of the bands.
#pragma once
#include "common.h"

namespace tagrid::volatility::bbands_bandwidth {

inline int64_t scratch(int64_t T, int64_t W) { return bandsScratch(T, W); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return spread<Spread::kBandwidth>(c, out); }

}  // namespace tagrid::volatility::bbands_bandwidth
