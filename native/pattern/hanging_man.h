// pattern.hanging_man: TA-Lib CDLHANGINGMAN. A short body with a long lower
// shadow and a very short upper shadow, the body near or above the previous
// candle's high: -100.
#pragma once
#include "hammer.h"

namespace tagrid::pattern::hanging_man {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return hammer::runWith<true>(c, out); }

}  // namespace tagrid::pattern::hanging_man
