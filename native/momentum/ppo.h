// momentum.ppo: TA-Lib PPO with EMAs (matype 1), plus a signal EMA and histogram.
#pragma once
#include "common.h"

namespace tagrid::momentum::ppo {

inline int64_t scratch(int64_t T) { return maSpreadScratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  emaSpread(c, out, SpreadStyle{false, true, 3}, emaPercent);
  return maSpread(c, out, 4, emaPercent, 2, 3);
}

}  // namespace tagrid::momentum::ppo
