// volatility.hv: 100 * population stddev of the last `window` log returns
// * sqrt(annualization). A return needs two positive prices; a window holding
// an undefined return is NaN. log1p of the relative change keeps full relative
// precision for small returns, where log(x[t] / x[t-1]) would not; it is
// portableLog1p, so the native and wasm builds and the stream stepper give
// the same bits (the C library's log1p and JavaScript's differ in the last
// bit for about 1 in 15,000 returns).
// With state (a stream's batches): [the last price, then the moments' state
// of the returns (momentsInput)].
// scratch: returns (T) + rolling moments
#pragma once
#include "common.h"
#include "../momentum/fisher.h"

namespace tagrid::volatility::hv {

inline int64_t scratch(int64_t T, int64_t W) { return T + rollingMomentsScratch(T, W); }

// log(1 + x) from portableLog: u = 1 + x rounded, then log(u) * (x / (u - 1)),
// which corrects for the rounding of u (Goldberg, "What every computer
// scientist should know about floating-point arithmetic", theorem 4).
inline double portableLog1p(double x) {
  const double u = 1.0 + x;
  return u == 1.0 ? x : momentum::fisher::portableLog(u) * (x / (u - 1.0));
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T, callWindow(c, {0}))) return kScratchTooSmall;
  if ((c.stateIn || c.stateOut) && (!c.stateIn || c.stateLen < 2)) return kBadParam;
  const double* x = c.in[0];
  double* ret = c.scratch;
  const double before = c.stateIn ? c.stateIn[0] : kNaN;  // the price at bar -1
  for (int64_t t = 0; t < c.T; ++t) {
    const double prev = t > 0 ? x[t - 1] : before;
    ret[t] = x[t] > 0.0 && prev > 0.0 ? portableLog1p((x[t] - prev) / prev) : kNaN;
  }
  // The moments' state after the last price.
  KernelCall returns = c;
  if (c.stateIn) {
    returns.stateIn = c.stateIn + 1;
    returns.stateOut = c.stateOut ? c.stateOut + 1 : nullptr;
    returns.stateLen = c.stateLen - 1;
    if (c.stateOut) c.stateOut[0] = c.T > 0 ? x[c.T - 1] : before;
  }
  MomentsInput in;
  if (!momentsInput(returns, 0, ret, c.scratch + c.T, in)) return kBadParam;
  RollingMoments m;
  const double *window = c.param[0], *annualization = c.param[1];
  forEachMomentsBlock(c, 0, in, m, [&](int64_t b0, int nb) {
    double scale[kBlock];
    for (int j = 0; j < nb; ++j) scale[j] = 100.0 * std::sqrt(annualization[b0 + j]);
    for (int64_t t = 0; t < c.T; ++t) {
      for (int j = 0; j < nb; ++j) {
        const int64_t w = static_cast<int64_t>(window[b0 + j]);
        out.put(0, t, b0 + j, m.valid(t, w) ? std::sqrt(m.variance(t, w)) * scale[j] : kNaN);
      }
    }
  });
  return kOk;
}

}  // namespace tagrid::volatility::hv
