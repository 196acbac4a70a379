// structure.candle_stats_atr_norm: body, range and wicks divided by TA-Lib
// ATR(atr_window), from the ATR's first bar on; seed 'first' (param 1) starts
// the ATR from the first bar's high - low, as ATR does. inputs: open, high, low, close.
#pragma once
#include "common.h"

namespace tagrid::structure::candle_stats_atr_norm {

inline int64_t scratch(int64_t) { return 0; }

// Kernel state (per variant, kState numbers; carriedRun in common.h): the
// ATR (the sum of its true ranges while seeding), then the run's age and its
// last open, high, low and close.
constexpr int kState = 6;

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  constexpr int S = kState;
  if ((c.stateIn || c.stateOut) && (!c.stateIn || c.stateLen < S * c.v1)) return kBadParam;
  const double *open = c.in[0], *high = c.in[1], *low = c.in[2], *close = c.in[3];
  const int64_t carried = carriedRun(c, S, 1, 4);
  const double prevClose = carried > 0 ? c.stateIn[S * c.v0 + 1 + 4] : 0.0;
  forEachBlock(c, [&](int64_t b0, int nb) {
    if (c.stateOut) leaveRun(c, S, 1, 4, b0, nb);
    forEachSegment(c.in, 4, c.T,
      [&](int64_t s, int64_t e) {
        const int64_t start = s == 0 ? -carried : s;  // the run's first bar
        WilderStream atr[kBlock];
        bool first[kBlock];
        for (int j = 0; j < nb; ++j) {
          first[j] = seedsFirst(c, 1, b0 + j);
          atr[j].reset(c.param[0][b0 + j], first[j]);
          if (start == s) continue;
          // Its true ranges so far: from age 1 on, or from age 0 for seed 'first'.
          atr[j].value = c.stateIn[S * (b0 + j)];
          atr[j].count = std::min<int64_t>(first[j] ? s - start : s - start - 1, atr[j].period);
        }
        for (int64_t t = s; t < e; ++t) {
          const double range = t > start ? trueRange(high[t], low[t], t > s ? close[t - 1] : prevClose) : high[t] - low[t];
          const CandleShape k = candleShape(open[t], high[t], low[t], close[t]);
          for (int j = 0; j < nb; ++j) {
            if ((t == start && !first[j]) || !atr[j].push(range)) {
              out.putNaNAll(t, b0 + j, 1);
              continue;
            }
            const double a = atr[j].value;
            out.put(0, t, b0 + j, ratioOrNaN(k.body, a));
            out.put(1, t, b0 + j, ratioOrNaN(k.range, a));
            out.put(2, t, b0 + j, ratioOrNaN(k.upperWick, a));
            out.put(3, t, b0 + j, ratioOrNaN(k.lowerWick, a));
          }
        }
        if (!c.stateOut) return;
        for (int j = 0; j < nb; ++j) {
          double* to = c.stateOut + S * (b0 + j);
          to[0] = atr[j].value;
          if (e == c.T) to[1] = static_cast<double>(e - 1 - start);
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::structure::candle_stats_atr_norm
