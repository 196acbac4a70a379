// momentum.ppo: TA-Lib PPO with EMAs (matype 1), plus a signal EMA and histogram.
#pragma once
#include "common.h"

namespace tagrid::momentum::ppo {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return emaSpread(c, out, SpreadStyle{false, true, 3, false, 4}, emaPercent);
}

}  // namespace tagrid::momentum::ppo
