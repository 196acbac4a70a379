// pattern.short_line: TA-Lib CDLSHORTLINE. A short body with short shadows:
// +100 white, -100 black.
#pragma once
#include "long_line.h"

namespace tagrid::pattern::short_line {

constexpr int64_t kLookback = std::max(kBodyShort.period, kShadowShort.period);

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return long_line::scan(c, out, kLookback, kBodyShort, false, kShadowShort);
}

}  // namespace tagrid::pattern::short_line
