// pattern.dark_cloud_cover: TA-Lib CDLDARKCLOUDCOVER. A long white candle and a
// black one opening above its high and closing inside its body, more than
// `penetration` of it below its close: -100.
#pragma once
#include "common.h"

namespace tagrid::pattern::dark_cloud_cover {

constexpr int64_t kLookback = kBodyLong.period + 1;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    for (int j = 0; j < nb; ++j) {
      const int64_t v = b0 + j;
      const double penetration = c.param[0][v];
      Trailing bodyLong(k, kBodyLong, first, 1);
      for (int64_t i = first; i < e; ++i) {
        const bool hit = k.color(i - 1) == 1 && k.body(i - 1) > bodyLong.average(i) &&
                         k.color(i) == -1 && k.open(i) > k.high(i - 1) && k.close(i) > k.open(i - 1) &&
                         k.close(i) < k.close(i - 1) - k.body(i - 1) * penetration;
        out.put(0, i, v, hit ? -100.0 : 0.0);
        rollAll(i, bodyLong);
      }
    }
  });
}

}  // namespace tagrid::pattern::dark_cloud_cover
