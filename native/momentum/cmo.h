// momentum.cmo: TA-Lib CMO, 100 * (gain - loss) / (gain + loss) over the same
// Wilder averages as RSI (not plain sums), 0 when the sum is ~0.
#pragma once
#include "common.h"

namespace tagrid::momentum::cmo {

inline int64_t scratch(int64_t T) { return gainLossScratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return gainLoss(c, out, [](double gain, double loss) {
    const double sum = gain + loss;
    return nearZero(sum) ? 0.0 : 100.0 * ((gain - loss) / sum);
  }, 1, 2);
}

}  // namespace tagrid::momentum::cmo
