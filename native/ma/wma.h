// ma.wma: TA-Lib WMA from compensated running sums (wmaNext), O(1) per bar
// and variant. A grid of consecutive windows reads its trailing values as
// one run of x reversed.
// scratch: x reversed (T)
#pragma once
#include "common.h"

namespace tagrid::ma::wma {

inline int64_t scratch(int64_t T) { return T; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  const double* x = c.in[0];
  double* xRev = c.scratch;
  reversed(x, c.T, xRev);
  forEachBlock(c, [&](int64_t b0, int nb) {
    WmaLanes w;
    alignas(64) double row[kBlock];
    int64_t longest = 0;
    bool range = true;
    for (int j = 0; j < nb; ++j) {
      w.setSpan(j, static_cast<int64_t>(c.param[0][b0 + j]));
      longest = std::max<int64_t>(longest, w.lag[j]);
      range = range && w.lag[j] == w.lag[0] + j;
    }
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        w.clear(nb);
        const int64_t steady = std::min(e, s + longest);
        int64_t t = s;
        for (; t < steady; ++t) {
          const int64_t age = t - s;
          for (int j = 0; j < nb; ++j) row[j] = w.feed(j, x[t], x[t - std::min<int64_t>(age, w.lag[j])], age);
          out.putRow(0, t, b0, nb, row);
        }
        for (; t < e; ++t) {
          if (range) w.slideRange(x[t], xRev + (c.T - 1 - t + w.lag[0]), nb, row);
          else w.slide(x, t, nb, row);
          out.putRow(0, t, b0, nb, row);
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::ma::wma
