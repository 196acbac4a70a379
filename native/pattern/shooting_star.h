// pattern.shooting_star: TA-Lib CDLSHOOTINGSTAR. The candle of
// pattern.inverted_hammer (small body, long upper shadow, very short lower
// one) gapping up from the previous body: -100.
#pragma once
#include "inverted_hammer.h"

namespace tagrid::pattern::shooting_star {

constexpr int64_t kLookback = inverted_hammer::kLookback;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return inverted_hammer::scan(c, out, true, -100.0);
}

}  // namespace tagrid::pattern::shooting_star
