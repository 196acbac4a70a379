// volume.obv: TA-Lib OBV. Each run of valid bars starts at its first volume,
// then adds the volume when the close rises and subtracts it when it falls.
// inputs: close, volume.
#pragma once
#include "common.h"

namespace tagrid::volume::obv {

inline int64_t scratch(int64_t) { return 0; }

// Kernel state (per variant, the same in each): the level and the close of
// the last bar, both NaN after a NaN bar; a call whose bar 0 is valid
// continues a level that is a number.
constexpr int kState = 2;

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if ((c.stateIn || c.stateOut) && (!c.stateIn || c.stateLen < kState * c.v1)) return kBadParam;
  const double *close = c.in[0], *volume = c.in[1];
  const bool carried = c.stateIn && !std::isnan(c.stateIn[kState * c.v0 + 1]);
  double level = kNaN;
  forEachSegment(c.in, 2, c.T,
    [&](int64_t s, int64_t e) {
      int64_t t = s;
      if (s == 0 && carried) {
        level = c.stateIn[kState * c.v0];
        t = 0;
      } else {
        level = volume[s];
        putEvery(c, out, 0, s, level);
        t = s + 1;
      }
      for (; t < e; ++t) {
        const double prev = t > 0 ? close[t - 1] : c.stateIn[kState * c.v0 + 1];
        if (close[t] > prev) level += volume[t];
        else if (close[t] < prev) level -= volume[t];
        putEvery(c, out, 0, t, level);
      }
    },
    [&](int64_t t) { putEvery(c, out, 0, t, kNaN); });
  if (c.stateOut) {
    const bool valid = c.T > 0 ? validAt(c.in, 2, c.T - 1) : carried;
    for (int64_t v = c.v0; v < c.v1; ++v) {
      c.stateOut[kState * v] = !valid ? kNaN : c.T > 0 ? level : c.stateIn[kState * v];
      c.stateOut[kState * v + 1] = !valid ? kNaN : c.T > 0 ? close[c.T - 1] : c.stateIn[kState * v + 1];
    }
  }
  return kOk;
}

}  // namespace tagrid::volume::obv
