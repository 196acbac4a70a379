// momentum.stoch_rsi: TA-Lib STOCHRSI (fastD matype 0), i.e. STOCHF with the
// RSI as high, low and close. params rsi_window, k_window, d_window,
// k_smoothing (an SMA of %K before %D, TradingView's smoothK; 1 = none, as
// TA-Lib: an SMA over one bar is the value itself, bit for bit),
// zero_denominator (param 4). The RSI is
// computed once per run of variants sharing rsi_window, its rolling range per
// variant by monotonic deques. On flat stretches the RSI values of a window
// differ only in their last bits, so %K jumps between 0 and 100 there, as in
// TA-Lib. scratch: rsi (T) + two deques, a %D ring and a %K ring per block slot
#pragma once
#include "common.h"

namespace tagrid::momentum::stoch_rsi {

// TA-Lib RSI (as momentum.rsi) of the valid run x[s, e), from bar s + n on.
inline void rsiRun(const double* x, int64_t s, int64_t e, int64_t n, double* rsi) {
  if (s + n >= e) return;
  const double nd = static_cast<double>(n);
  double gain = 0.0, loss = 0.0;
  for (int64_t t = s + 1; t < e; ++t) {
    const double d = x[t] - x[t - 1];
    const double up = d > 0.0 ? d : 0.0, down = d < 0.0 ? -d : 0.0;
    if (t <= s + n) {  // seed: the means over bars s+1 .. s+n
      gain += up;
      loss += down;
      if (t < s + n) continue;
      gain /= nd;
      loss /= nd;
    } else {
      gain = wilderStep(gain, up, nd);
      loss = wilderStep(loss, down, nd);
    }
    rsi[t] = rsiFromAverages(gain, loss);
  }
}

inline int64_t scratch(int64_t T, int64_t W) { return T + 4 * kBlock * windowCapacity(T, W); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const int64_t W = callWindow(c, {0, 1, 2, 3});
  if (c.scratchLen < scratch(c.T, W)) return kScratchTooSmall;
  if (!windowsFit(c, 0) || !windowsFit(c, 1) || !windowsFit(c, 2) || !windowsFit(c, 3)) return kBadParam;
  const double* x = c.in[0];
  double* rsi = c.scratch;
  const int64_t cap = windowCapacity(c.T, W);
  int64_t* highIdx = reinterpret_cast<int64_t*>(c.scratch + c.T);
  int64_t* lowIdx = highIdx + kBlock * cap;
  double* rings = c.scratch + c.T + 2 * kBlock * cap;
  double* ringsK = rings + kBlock * cap;
  for (int64_t r0 = c.v0, r1; r0 < c.v1; r0 = r1) {
    const double rsiWindow = c.param[0][r0];
    for (r1 = r0 + 1; r1 < c.v1 && c.param[0][r1] == rsiWindow; ++r1) {}
    const int64_t n = static_cast<int64_t>(rsiWindow);
    forEachSegment(c.in, 1, c.T, [&](int64_t s, int64_t e) { rsiRun(x, s, e, n, rsi); }, [](int64_t) {});
    KernelCall part = c;
    part.v0 = r0;
    part.v1 = r1;
    forEachBlock(part, [&](int64_t b0, int nb) {
      int64_t kw[kBlock];
      for (int j = 0; j < nb; ++j) kw[j] = static_cast<int64_t>(c.param[1][b0 + j]);
      forEachSegment(c.in, 1, c.T,
        [&](int64_t s, int64_t e) {
          MonotonicDeque<true> highest[kBlock];
          MonotonicDeque<false> lowest[kBlock];
          RunningMean dLine[kBlock], slowK[kBlock];
          for (int j = 0; j < nb; ++j) {
            highest[j].reset(highIdx + j * cap, cap);
            lowest[j].reset(lowIdx + j * cap, cap);
            dLine[j].reset(rings + j * cap, static_cast<int64_t>(c.param[2][b0 + j]));
            slowK[j].reset(ringsK + j * cap, static_cast<int64_t>(c.param[3][b0 + j]));
          }
          for (int64_t t = s; t < e; ++t) {
            for (int j = 0; j < nb; ++j) {
              bool has = false, blank = false;
              double fast = kNaN;
              if (t >= s + n) {
                highest[j].push(rsi, t, kw[j]);
                lowest[j].push(rsi, t, kw[j]);
                if (t - (s + n) >= kw[j] - 1) {
                  const double hh = rsi[highest[j].front()], ll = rsi[lowest[j].front()];
                  fast = slowK[j].push(stochK(rsi[t], hh, ll));
                  has = !std::isnan(fast);
                  blank = stochBlank(c, 4, b0 + j, hh, ll);
                }
              }
              putKD(out, t, b0 + j, has, fast, dLine[j], blank);
            }
          }
        },
        [&](int64_t t) { out.putNaNAll(t, b0, nb); });
    });
  }
  return kOk;
}

}  // namespace tagrid::momentum::stoch_rsi
