// pattern.on_neck: TA-Lib CDLONNECK. The two candles of pattern.in_neck, the
// white one closing at about the black one's low: -100.
#pragma once
#include "in_neck.h"

namespace tagrid::pattern::on_neck {

constexpr int64_t kLookback = in_neck::kLookback;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return in_neck::scan(c, out, [](const Candles& k, int64_t i, double same) {
    return k.close(i) <= k.low(i - 1) + same && k.close(i) >= k.low(i - 1) - same;
  });
}

}  // namespace tagrid::pattern::on_neck
