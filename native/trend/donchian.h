// trend.donchian: upper = highest high, lower = lowest low of the last n bars
// (current included), mid = (upper + lower) / 2 (TA-Lib's MIDPRICE).
#pragma once
#include "common.h"

namespace tagrid::trend::donchian {

inline int64_t scratch(int64_t T) { return RollingRange::scratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  RollingRange channel;
  channel.build(c.in[0], c.in[1], c.T, static_cast<int64_t>(maxParam(c, 0)), c.scratch);
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    RollingRange::Window lanes[kBlock];
    for (int j = 0; j < nb; ++j) lanes[j] = channel.window(static_cast<int64_t>(window[b0 + j]));
    forEachSegment(c.in, 2, c.T,
      [&](int64_t s, int64_t e) {
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const int64_t w = static_cast<int64_t>(window[b0 + j]);
            if (t - s < w - 1) { out.putNaNAll(t, b0 + j, 1); continue; }
            const double upper = lanes[j].upper(t), lower = lanes[j].lower(t);
            out.put(0, t, b0 + j, upper);
            out.put(1, t, b0 + j, lower);
            out.put(2, t, b0 + j, (upper + lower) / 2.0);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::trend::donchian
