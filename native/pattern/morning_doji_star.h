// pattern.morning_doji_star: TA-Lib CDLMORNINGDOJISTAR. The morning star of
// pattern.morning_star with a doji as the star: +100.
#pragma once
#include "morning_star.h"

namespace tagrid::pattern::morning_doji_star {

constexpr int64_t kLookback = std::max(std::max(kBodyDoji.period, kBodyLong.period), kBodyShort.period) + 2;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return morning_star::scan(c, out, kLookback, kBodyDoji);
}

}  // namespace tagrid::pattern::morning_doji_star
