// The kernel table: every group's rows, in registry group order. Each row's id
// and arities are checked against src/registry when the backend loads.
#pragma once
#include <array>
#include "ma.h"
#include "momentum.h"
#include "oscillators.h"
#include "structure.h"
#include "trend.h"
#include "volatility.h"
#include "volume.h"

namespace tagrid {

struct KernelGroup {
  const KernelEntry* rows;
  int count;
};

template <size_t N>
constexpr KernelGroup group(const KernelEntry (&rows)[N]) { return {rows, static_cast<int>(N)}; }

// One line per group header; a group joins the table when it has kernels.
inline const KernelGroup kGroups[] = {
  group(kMaKernels),
  group(kVolatilityKernels),
  group(kMomentumKernels),
  group(kOscillatorKernels),
  group(kTrendKernels),
  group(kVolumeKernels),
  group(kStructureKernels),
};

inline int kernelCount() {
  int n = 0;
  for (const auto& g : kGroups) n += g.count;
  return n;
}

// Row i of the flattened table, or nullptr.
inline const KernelEntry* kernelAt(int i) {
  for (const auto& g : kGroups) {
    if (i < g.count) return i >= 0 ? &g.rows[i] : nullptr;
    i -= g.count;
  }
  return nullptr;
}

}  // namespace tagrid
