// momentum.imi: TA-Lib IMI of open and close, O(window) per bar.
#pragma once
#include "common.h"

namespace tagrid::momentum::imi {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 2, c.T,
      [&](int64_t s, int64_t e) {
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const int64_t n = static_cast<int64_t>(c.param[0][b0 + j]);
            out.put(0, t, b0 + j, t - s >= n - 1 ? intradayMomentum(c.in[0], c.in[1], t, n) : kNaN);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::momentum::imi
