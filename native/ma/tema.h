// ma.tema: TA-Lib TEMA, E3 + (3·E1 − 3·E2) over three chained EMAs.
#pragma once
#include "common.h"

namespace tagrid::ma::tema {

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) { return emaChain<EmaChain::Tema>(c, out, 1); }

}  // namespace tagrid::ma::tema
