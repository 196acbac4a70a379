// volume.obv: TA-Lib OBV. Each run of valid bars starts at its first volume,
// then adds the volume when the close rises and subtracts it when it falls.
// inputs: close, volume.
#pragma once
#include "common.h"

namespace tagrid::volume::obv {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const double *close = c.in[0], *volume = c.in[1];
  forEachSegment(c.in, 2, c.T,
    [&](int64_t s, int64_t e) {
      double level = volume[s];
      putEvery(c, out, 0, s, level);
      for (int64_t t = s + 1; t < e; ++t) {
        if (close[t] > close[t - 1]) level += volume[t];
        else if (close[t] < close[t - 1]) level -= volume[t];
        putEvery(c, out, 0, t, level);
      }
    },
    [&](int64_t t) { putEvery(c, out, 0, t, kNaN); });
  return kOk;
}

}  // namespace tagrid::volume::obv
