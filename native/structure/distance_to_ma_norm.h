// structure.distance_to_ma_norm: (x - TA-Lib EMA(x, n)) / TA-Lib ATR(n), from
// the ATR's first bar (n) on. Seed 'first' (param 1) starts the EMA from the
// first value and the ATR from the first bar's high - low (as ATR does), from
// bar 0 on. inputs: source, high, low, close.
#pragma once
#include "common.h"

namespace tagrid::structure::distance_to_ma_norm {

inline int64_t scratch(int64_t) { return 0; }

// Kernel state (per variant, kState numbers; carriedRun in common.h): the
// EMA's (value, count) (its running sum while seeding), the ATR (the sum of
// its true ranges while seeding), then the run's age and its last source,
// high, low and close.
constexpr int kState = 8;

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  constexpr int S = kState;
  if ((c.stateIn || c.stateOut) && (!c.stateIn || c.stateLen < S * c.v1)) return kBadParam;
  const double *x = c.in[0], *high = c.in[1], *low = c.in[2], *close = c.in[3];
  const int64_t carried = carriedRun(c, S, 3, 4);
  const double prevClose = carried > 0 ? c.stateIn[S * c.v0 + 3 + 4] : 0.0;
  forEachBlock(c, [&](int64_t b0, int nb) {
    if (c.stateOut) leaveRun(c, S, 3, 4, b0, nb);
    forEachSegment(c.in, 4, c.T,
      [&](int64_t s, int64_t e) {
        const int64_t start = s == 0 ? -carried : s;  // the run's first bar
        EmaStream ema[kBlock];
        WilderStream atr[kBlock];
        bool first[kBlock];
        for (int j = 0; j < nb; ++j) {
          first[j] = seedsFirst(c, 1, b0 + j);
          ema[j].reset(c.param[0][b0 + j], first[j]);
          atr[j].reset(c.param[0][b0 + j], first[j]);
          if (start == s) continue;
          const double* in = c.stateIn + S * (b0 + j);
          ema[j].value = in[0];
          ema[j].count = static_cast<int64_t>(in[1]);
          // Its true ranges so far: from age 1 on, or from age 0 for seed 'first'.
          atr[j].value = in[2];
          atr[j].count = std::min<int64_t>(first[j] ? s - start : s - start - 1, atr[j].period);
        }
        for (int64_t t = s; t < e; ++t) {
          const double range = t > start ? trueRange(high[t], low[t], t > s ? close[t - 1] : prevClose) : high[t] - low[t];
          for (int j = 0; j < nb; ++j) {
            ema[j].push(x[t]);
            const bool ready = (t > start || first[j]) && atr[j].push(range);
            out.put(0, t, b0 + j, ready ? ratioOrNaN(x[t] - ema[j].value, atr[j].value) : kNaN);
          }
        }
        if (!c.stateOut) return;
        for (int j = 0; j < nb; ++j) {
          double* to = c.stateOut + S * (b0 + j);
          to[0] = ema[j].value;
          to[1] = static_cast<double>(ema[j].count);
          to[2] = atr[j].value;
          if (e == c.T) to[3] = static_cast<double>(e - 1 - start);
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::structure::distance_to_ma_norm
