// structure.distance_to_ma_norm: (x - TA-Lib EMA(x, n)) / TA-Lib ATR(n), from
// the ATR's first bar (n) on. Seed 'first' (param 1) starts the EMA from the
// first value and the ATR from the first bar's high - low (as ATR does), from
// bar 0 on. inputs: source, high, low, close.
#pragma once
#include "common.h"

namespace tagrid::structure::distance_to_ma_norm {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const double *x = c.in[0], *high = c.in[1], *low = c.in[2], *close = c.in[3];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 4, c.T,
      [&](int64_t s, int64_t e) {
        EmaStream ema[kBlock];
        WilderStream atr[kBlock];
        bool first[kBlock];
        for (int j = 0; j < nb; ++j) {
          first[j] = seedsFirst(c, 1, b0 + j);
          ema[j].reset(c.param[0][b0 + j], first[j]);
          atr[j].reset(c.param[0][b0 + j], first[j]);
        }
        for (int64_t t = s; t < e; ++t) {
          const double range = t > s ? trueRange(high[t], low[t], close[t - 1]) : high[t] - low[t];
          for (int j = 0; j < nb; ++j) {
            ema[j].push(x[t]);
            const bool ready = (t > s || first[j]) && atr[j].push(range);
            out.put(0, t, b0 + j, ready ? ratioOrNaN(x[t] - ema[j].value, atr[j].value) : kNaN);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::structure::distance_to_ma_norm
