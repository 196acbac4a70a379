// pattern.gravestone_doji: TA-Lib CDLGRAVESTONEDOJI. A doji with a very short
// lower shadow and an upper shadow that is not very short: +100.
#pragma once
#include "dragonfly_doji.h"

namespace tagrid::pattern::gravestone_doji {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return dragonfly_doji::runSide<true>(c, out); }

}  // namespace tagrid::pattern::gravestone_doji
