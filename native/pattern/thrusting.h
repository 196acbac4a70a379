// pattern.thrusting: TA-Lib CDLTHRUSTING. The two candles of pattern.in_neck,
// the white one closing into the black body, above its close by more than
// "equal" but not above its middle: -100.
#pragma once
#include "in_neck.h"

namespace tagrid::pattern::thrusting {

constexpr int64_t kLookback = in_neck::kLookback;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return in_neck::scan(c, out, [](const Candles& k, int64_t i, double same) {
    return k.close(i) > k.close(i - 1) + same && k.close(i) <= k.close(i - 1) + k.body(i - 1) * 0.5;
  });
}

}  // namespace tagrid::pattern::thrusting
