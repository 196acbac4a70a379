// volume.volume_sma: TA-Lib SMA of the volume, the ma.sma kernel over the volume column.
#pragma once
#include "../ma/sma.h"
#include "common.h"

namespace tagrid::volume::volume_sma {

inline int64_t scratch(int64_t T) { return ma::sma::scratch(T, 1); }  // no state: the prefix starts at bar 0

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return ma::sma::run(c, out); }

}  // namespace tagrid::volume::volume_sma
