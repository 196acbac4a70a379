// structure.candle_stats: body, range, wicks and the three as percentages of
// the range (NaN when the range is 0). inputs: open, high, low, close.
#pragma once
#include "common.h"

namespace tagrid::structure::candle_stats {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const double *open = c.in[0], *high = c.in[1], *low = c.in[2], *close = c.in[3];
  for (int64_t t = 0; t < c.T; ++t) {
    const bool valid = validAt(c.in, 4, t);
    const CandleShape k = candleShape(open[t], high[t], low[t], close[t]);
    const double values[7] = {k.body, k.range, k.upperWick, k.lowerWick, 100.0 * ratioOrNaN(k.body, k.range),
                              100.0 * ratioOrNaN(k.upperWick, k.range), 100.0 * ratioOrNaN(k.lowerWick, k.range)};
    for (int64_t v = c.v0; v < c.v1; ++v)
      for (int i = 0; i < 7; ++i) out.put(i, t, v, valid ? values[i] : kNaN);
  }
  return kOk;
}

}  // namespace tagrid::structure::candle_stats
