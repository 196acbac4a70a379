// momentum.apo: TA-Lib APO, EMAs (matype 'ema', param 3) or another TA-Lib MA type.
// scratch: maSpread's
#pragma once
#include "common.h"

namespace tagrid::momentum::apo {

inline int64_t scratch(int64_t T) { return maSpreadScratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (const int32_t status = emaSpread(c, out, SpreadStyle{false, false, 2, false, -1, 3}, emaDifference); status != kOk) return status;
  return maSpread(c, out, 3, emaDifference);
}

}  // namespace tagrid::momentum::apo
