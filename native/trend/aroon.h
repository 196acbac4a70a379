// trend.aroon: TA-Lib AROON and AROONOSC over the n+1 bars t-n .. t. The bars
// of the highest high and the lowest low come from sparse tables built once
// per call; ties go to the most recent bar. scratch: two extreme tables.
#pragma once
#include "common.h"

namespace tagrid::trend::aroon {

inline int64_t scratch(int64_t T) { return 2 * extremeScratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  const int levels = extremeLevels(std::min<int64_t>(static_cast<int64_t>(maxParam(c, 0)) + 1, windowCapacity(c.T, kMaxWindow)));
  RollingArgExtreme<true> highest;
  RollingArgExtreme<false> lowest;
  highest.build(c.in[0], c.T, levels, c.scratch);
  lowest.build(c.in[1], c.T, levels, c.scratch + extremeScratch(c.T));
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    RollingArgExtreme<true>::Window highs[kBlock];
    RollingArgExtreme<false>::Window lows[kBlock];
    for (int j = 0; j < nb; ++j) {
      const int64_t span = static_cast<int64_t>(window[b0 + j]) + 1;
      highs[j] = highest.window(span);
      lows[j] = lowest.window(span);
    }
    forEachSegment(c.in, 2, c.T,
      [&](int64_t s, int64_t e) {
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const double n = window[b0 + j];
            if (t - s < static_cast<int64_t>(n)) { out.putNaNAll(t, b0 + j, 1); continue; }
            const int64_t hi = highest.at(highs[j], t), lo = lowest.at(lows[j], t);
            const double factor = 100.0 / n;
            out.put(0, t, b0 + j, factor * (n - static_cast<double>(t - hi)));
            out.put(1, t, b0 + j, factor * (n - static_cast<double>(t - lo)));
            out.put(2, t, b0 + j, factor * static_cast<double>(hi - lo));
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::trend::aroon
