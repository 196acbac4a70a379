// structure.sum: TA-Lib SUM, ma.sma's lanes with every scale 1 (a product
// by 1 leaves each window sum exactly as it is): one prefix-sum pass per
// call serves every window, and with state (a stream's batches) the prefix
// continues the run of ma.sma's state (prefixStatePairs).
#pragma once
#include "../ma/sma.h"

namespace tagrid::structure::sum {

struct SumLanes : ma::sma::SmaLanes {
  void load(const double* window, int nb) {
    SmaLanes::load(window, nb);
    std::fill(inv, inv + nb, 1.0);
  }
};

// W: the longest window, the pairs a call with state starts from.
inline int64_t scratch(int64_t T, int64_t W) { return ma::prefixLanesScratch<SumLanes>(T, std::max<int64_t>(W, 1)); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return ma::overSourcePrefix<SumLanes>(c, out); }

}  // namespace tagrid::structure::sum
