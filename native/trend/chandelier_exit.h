// trend.chandelier_exit: long = highest high - mult * ATR(n), short = lowest
// low + mult * ATR(n), the extremes over the last n bars; from bar n, or from
// bar n-1 (the first full channel) with seed 'first' (param 2), whose ATR
// starts at bar 0 as volatility.atr's. scratch: true range (T) and a price channel
#pragma once
#include "common.h"

namespace tagrid::trend::chandelier_exit {

inline int64_t scratch(int64_t T) { return T + RollingRange::scratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  double* tr = c.scratch;
  trueRanges(c.in[0], c.in[1], c.in[2], c.T, tr);
  RollingRange channel;
  channel.build(c.in[0], c.in[1], c.T, static_cast<int64_t>(maxParam(c, 0)), c.scratch + c.T);
  const double *window = c.param[0], *mult = c.param[1];
  forEachBlock(c, [&](int64_t b0, int nb) {
    RollingRange::Window lanes[kBlock];
    for (int j = 0; j < nb; ++j) lanes[j] = channel.window(static_cast<int64_t>(window[b0 + j]));
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        double atr[kBlock];
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const double n = window[b0 + j];
            const int64_t w = static_cast<int64_t>(n);
            const bool first = seedsFirst(c, 2, b0 + j);
            if (first) atrAdvance(atr[j], tr, s, t, n, true, c.in[0][s] - c.in[1][s]);
            if (t < s + w - (first ? 1 : 0)) { out.putNaNAll(t, b0 + j, 1); continue; }
            if (!first) atrAdvance(atr[j], tr, s, t, n);
            const double band = mult[b0 + j] * atr[j];
            out.put(0, t, b0 + j, lanes[j].upper(t) - band);
            out.put(1, t, b0 + j, lanes[j].lower(t) + band);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::trend::chandelier_exit
