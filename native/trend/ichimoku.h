// trend.ichimoku: conversion and base lines are the channel midpoints of their
// windows; span A (their mean) and span B (the midpoint of the span_b window)
// are plotted displacement bars ahead, so span[t] uses bars up to t - d; the
// lagging line is the close d bars later, lagging[t] = close[t + d], which
// looks ahead by construction and is NaN on the last d bars of a segment.
// Params: conversion, base, span_b, displacement. scratch: a price channel
#pragma once
#include "common.h"

namespace tagrid::trend::ichimoku {

inline int64_t scratch(int64_t T) { return RollingRange::scratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  if (!windowsFit(c, 0) || !windowsFit(c, 1) || !windowsFit(c, 2)) return kBadParam;
  const double* close = c.in[2];
  RollingRange channel;
  channel.build(c.in[0], c.in[1], c.T, static_cast<int64_t>(std::max(maxParam(c, 0), std::max(maxParam(c, 1), maxParam(c, 2)))), c.scratch);
  const double *conversion = c.param[0], *base = c.param[1], *spanB = c.param[2], *displacement = c.param[3];
  forEachBlock(c, [&](int64_t b0, int nb) {
    RollingRange::Window conversionLane[kBlock], baseLane[kBlock], spanBLane[kBlock];
    for (int j = 0; j < nb; ++j) {
      conversionLane[j] = channel.window(static_cast<int64_t>(conversion[b0 + j]));
      baseLane[j] = channel.window(static_cast<int64_t>(base[b0 + j]));
      spanBLane[j] = channel.window(static_cast<int64_t>(spanB[b0 + j]));
    }
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const int64_t v = b0 + j;
            const int64_t wc = static_cast<int64_t>(conversion[v]), wb = static_cast<int64_t>(base[v]);
            const int64_t ws = static_cast<int64_t>(spanB[v]), d = static_cast<int64_t>(displacement[v]);
            const int64_t u = t - d;  // the bar the spans at t were computed on
            out.put(0, t, v, t - s >= wc - 1 ? conversionLane[j].mid(t) : kNaN);
            out.put(1, t, v, t - s >= wb - 1 ? baseLane[j].mid(t) : kNaN);
            out.put(2, t, v, u - s >= std::max(wc, wb) - 1 ? (conversionLane[j].mid(u) + baseLane[j].mid(u)) / 2.0 : kNaN);
            out.put(3, t, v, u - s >= ws - 1 ? spanBLane[j].mid(u) : kNaN);
            out.put(4, t, v, t + d < e ? close[t + d] : kNaN);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::trend::ichimoku
