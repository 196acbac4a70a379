// momentum.ppo: TA-Lib PPO with EMAs (matype 'ema', param 5) or another
// TA-Lib MA type, plus a signal EMA of the line and the histogram.
// scratch: maSpread's
#pragma once
#include "common.h"

namespace tagrid::momentum::ppo {

inline int64_t scratch(int64_t T) { return maSpreadScratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (const int32_t status = emaSpread(c, out, SpreadStyle{false, true, 3, false, 4, 5}, emaPercent); status != kOk) return status;
  return maSpread(c, out, 5, emaPercent, 2, 3, 4);
}

}  // namespace tagrid::momentum::ppo
