// structure.candle_stats_atr_norm: body, range and wicks divided by TA-Lib
// ATR(atr_window), from the ATR's first bar on; seed 'first' (param 1) starts
// the ATR from the first bar's high - low, as ATR does. inputs: open, high, low, close.
#pragma once
#include "common.h"

namespace tagrid::structure::candle_stats_atr_norm {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const double *open = c.in[0], *high = c.in[1], *low = c.in[2], *close = c.in[3];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 4, c.T,
      [&](int64_t s, int64_t e) {
        WilderStream atr[kBlock];
        bool first[kBlock];
        for (int j = 0; j < nb; ++j) {
          first[j] = seedsFirst(c, 1, b0 + j);
          atr[j].reset(c.param[0][b0 + j], first[j]);
        }
        for (int64_t t = s; t < e; ++t) {
          const double range = t > s ? trueRange(high[t], low[t], close[t - 1]) : high[t] - low[t];
          const CandleShape k = candleShape(open[t], high[t], low[t], close[t]);
          for (int j = 0; j < nb; ++j) {
            if ((t == s && !first[j]) || !atr[j].push(range)) {
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
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::structure::candle_stats_atr_norm
