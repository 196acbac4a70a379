// pattern.marubozu: TA-Lib CDLMARUBOZU. A long body with very short shadows:
// +100 white, -100 black.
#pragma once
#include "long_line.h"

namespace tagrid::pattern::marubozu {

constexpr int64_t kLookback = std::max(kBodyLong.period, kShadowVeryShort.period);

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return long_line::scan(c, out, kLookback, kBodyLong, true, kShadowVeryShort);
}

}  // namespace tagrid::pattern::marubozu
