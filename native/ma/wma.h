// ma.wma: TA-Lib WMA. Windows up to kDenseWma read the block's fresh sums
// of every window (WmaDiagonal), longer ones keep compensated running sums
// (WmaLanes, wmaNext); which one a variant takes depends on its window alone.
#pragma once
#include "common.h"

namespace tagrid::ma::wma {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const double* x = c.in[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    WmaDiagonal diag;
    WmaLanes running;  // the long windows, packed: lane i is variant b0 + longLane[i]
    alignas(64) double row[kBlock], scale[kBlock];  // scale: 1 / the WMA's divider
    int32_t at[kBlock], longLane[kBlock];  // at[j]: lane j's entry of diag.sums (0 for a long window)
    int nLong = 0;
    int64_t longest = 0;
    bool range = true;  // every window dense and n[j] = n[0] + j
    for (int j = 0; j < nb; ++j) {
      const int64_t n = static_cast<int64_t>(c.param[0][b0 + j]);
      longest = std::max(longest, n);
      scale[j] = 1.0 / wmaDivider(static_cast<double>(n));
      if (n <= kDenseWma) {
        at[j] = static_cast<int32_t>(n);
        diag.depth = std::max(diag.depth, at[j]);
      } else {
        at[j] = 0;
        running.setSpan(nLong, n);
        longLane[nLong++] = j;
      }
      range = range && at[j] == at[0] + j && at[0] > 0;
    }
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        running.clear(nLong);
        const int64_t steady = std::min(e, s + longest);  // from here every window is full and drops a value
        int64_t t = s;
        for (; t < steady; ++t) {
          const int64_t age = t - s;
          diag.push(x[t]);
          for (int j = 0; j < nb; ++j) row[j] = age + 1 >= at[j] ? diag.sums[at[j]] * scale[j] : kNaN;
          for (int i = 0; i < nLong; ++i)
            row[longLane[i]] = running.feed(i, x[t], x[t - std::min<int64_t>(age, running.lag[i])], age);
          out.putRow(0, t, b0, nb, row);
        }
        for (; t < e; ++t) {
          diag.push(x[t]);
          if (range) {
            const double* __restrict sums = diag.sums + at[0];
            for (int j = 0; j < nb; ++j) row[j] = sums[j] * scale[j];
          } else {
            for (int j = 0; j < nb; ++j) row[j] = diag.sums[at[j]] * scale[j];
            for (int i = 0; i < nLong; ++i) row[longLane[i]] = running.next(i, x[t], x[t - running.lag[i]]);
          }
          out.putRow(0, t, b0, nb, row);
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::ma::wma
