// pattern.harami_cross: TA-Lib CDLHARAMICROSS. A long candle and a doji whose
// body lies inside the first body: +100 bullish (first black), -100 bearish;
// +80 / -80 when one end of the bodies coincides.
#pragma once
#include "harami.h"

namespace tagrid::pattern::harami_cross {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return harami::runWith<kBodyDoji>(c, out); }

}  // namespace tagrid::pattern::harami_cross
