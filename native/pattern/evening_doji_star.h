// pattern.evening_doji_star: TA-Lib CDLEVENINGDOJISTAR. A long white candle, a
// doji whose body gaps up, and a black candle that is not short closing more
// than `penetration` of the first body below its close: -100.
#pragma once
#include "evening_star.h"

namespace tagrid::pattern::evening_doji_star {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return evening_star::runWith<kBodyDoji>(c, out); }

}  // namespace tagrid::pattern::evening_doji_star
