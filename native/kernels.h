// The kernel table: one row per indicator id of the registry (src/registry).
// The arities are checked against the registry when the backend loads.
#pragma once
#include "ma.h"
#include "momentum.h"
#include "volatility.h"

namespace tagrid {

template <typename Out>
using KernelFn = int32_t (*)(const KernelCall&, const OutView<Out>&);

struct KernelEntry {
  const char* id;
  int nIn, nParam, nOut;
  KernelFn<float> f32;
  KernelFn<double> f64;
  int64_t (*scratch)(int64_t T);
};

#define TAGRID_KERNEL(id, nIn, nParam, nOut, fn) \
  KernelEntry { id, nIn, nParam, nOut, &fn<float>, &fn<double>, &fn##Scratch }

inline const KernelEntry kKernels[] = {
  TAGRID_KERNEL("ma.sma", 1, 1, 1, sma),
  TAGRID_KERNEL("ma.ema", 1, 1, 1, ema),
  TAGRID_KERNEL("volatility.atr", 3, 1, 1, atr),
  TAGRID_KERNEL("momentum.rsi", 1, 1, 1, rsi),
};

inline constexpr int kKernelCount = sizeof(kKernels) / sizeof(kKernels[0]);

}  // namespace tagrid
