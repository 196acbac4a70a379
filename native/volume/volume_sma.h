// volume.volume_sma: TA-Lib SMA of the volume, the ma.sma kernel over the
// volume column (its kernel state too: ma.sma's stepper streams it).
#pragma once
#include "../ma/sma.h"
#include "common.h"

namespace tagrid::volume::volume_sma {

inline int64_t scratch(int64_t T, int64_t W) { return ma::sma::scratch(T, W); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return ma::sma::run(c, out); }

}  // namespace tagrid::volume::volume_sma
