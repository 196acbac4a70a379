// momentum.stoch_rsi: TA-Lib STOCHRSI, i.e. STOCHF with the
// RSI as high, low and close. params rsi_window, k_window, d_window,
// k_smoothing (an SMA of %K before %D, TradingView's smoothK; 1 = none, as
// TA-Lib: an SMA over one bar is the value itself, bit for bit),
// zero_denominator (param 4), seed (param 5: the RSI's Wilder averages start
// with the mean of the first n changes, TA-Lib, or the first change alone),
// fastd_matype (param 6: variants with another type than 'sma' go through
// kdByType, one at a time). The RSI is
// computed once per run of variants sharing rsi_window, its rolling range per
// variant by monotonic deques. On flat stretches the RSI values of a window
// differ only in their last bits, so %K jumps between 0 and 100 there, as in
// TA-Lib. scratch: rsi by seed (2T) + two deques, a %D ring and a %K ring per
// block slot + kdByType's
#pragma once
#include "common.h"

namespace tagrid::momentum::stoch_rsi {

// TA-Lib RSI (as momentum.rsi) of the valid run x[s, e), from bar s + m on:
// the averages are seeded with the means of the first m changes (m = n, or 1
// for seed 'first'), then Wilder's over n.
inline void rsiRun(const double* x, int64_t s, int64_t e, int64_t n, int64_t m, double* rsi) {
  if (s + m >= e) return;
  const double nd = static_cast<double>(n), md = static_cast<double>(m);
  double gain = 0.0, loss = 0.0;
  for (int64_t t = s + 1; t < e; ++t) {
    const double d = x[t] - x[t - 1];
    const double up = d > 0.0 ? d : 0.0, down = d < 0.0 ? -d : 0.0;
    if (t <= s + m) {  // seed: the means over bars s+1 .. s+m
      gain += up;
      loss += down;
      if (t < s + m) continue;
      gain /= md;
      loss /= md;
    } else {
      gain = wilderStep(gain, up, nd);
      loss = wilderStep(loss, down, nd);
    }
    rsi[t] = rsiFromAverages(gain, loss);
  }
}

inline int64_t scratch(int64_t T, int64_t W) { return 2 * T + 4 * kBlock * windowCapacity(T, W) + kdByTypeScratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const int64_t W = callWindow(c, {0, 1, 2, 3});
  if (c.scratchLen < scratch(c.T, W)) return kScratchTooSmall;
  if (!windowsFit(c, 0) || !windowsFit(c, 1) || !windowsFit(c, 2) || !windowsFit(c, 3)) return kBadParam;
  const double* x = c.in[0];
  double* rsiBy[2] = {c.scratch, c.scratch + c.T};  // by seed: 'sma', 'first'
  const int64_t cap = windowCapacity(c.T, W);
  int64_t* highIdx = reinterpret_cast<int64_t*>(c.scratch + 2 * c.T);
  int64_t* lowIdx = highIdx + kBlock * cap;
  double* rings = c.scratch + 2 * c.T + 2 * kBlock * cap;
  double* ringsK = rings + kBlock * cap;
  double* byType = ringsK + kBlock * cap;
  for (int64_t r0 = c.v0, r1; r0 < c.v1; r0 = r1) {
    const double rsiWindow = c.param[0][r0];
    for (r1 = r0 + 1; r1 < c.v1 && c.param[0][r1] == rsiWindow; ++r1) {}
    const int64_t n = static_cast<int64_t>(rsiWindow);
    bool used[2] = {false, false};
    for (int64_t v = r0; v < r1; ++v) used[seedsFirst(c, 5, v)] = true;
    for (int first = 0; first < 2; ++first)
      if (used[first]) forEachSegment(c.in, 1, c.T, [&](int64_t s, int64_t e) { rsiRun(x, s, e, n, first ? 1 : n, rsiBy[first]); }, [](int64_t) {});
    KernelCall part = c;
    part.v0 = r0;
    part.v1 = r1;
    forEachBlock(part, [&](int64_t b0, int nb) {
      int64_t kw[kBlock], from[kBlock];
      const double* rsiOf[kBlock];
      bool sma[kBlock];
      for (int j = 0; j < nb; ++j) {
        sma[j] = KdTypes(c, -1, 6, b0 + j).sma();  // k_smoothing is always an SMA
        kw[j] = static_cast<int64_t>(c.param[1][b0 + j]);
        const bool first = seedsFirst(c, 5, b0 + j);
        from[j] = first ? 1 : n;  // the RSI's first bar, after s
        rsiOf[j] = rsiBy[first];
      }
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
              if (!sma[j]) continue;
              bool has = false, blank = false;
              double fast = kNaN;
              const double* rsi = rsiOf[j];
              if (t >= s + from[j]) {
                highest[j].push(rsi, t, kw[j]);
                lowest[j].push(rsi, t, kw[j]);
                if (t - (s + from[j]) >= kw[j] - 1) {
                  const double hh = rsi[highest[j].front()], ll = rsi[lowest[j].front()];
                  fast = slowK[j].push(stochK(rsi[t], hh, ll));
                  has = !std::isnan(fast);
                  blank = stochBlank(c, 4, b0 + j, hh, ll);
                }
              }
              putKD(out, t, b0 + j, has, fast, dLine[j], blank);
            }
          }
          for (int j = 0; j < nb; ++j) {
            if (sma[j]) continue;
            const int64_t v = b0 + j, rsiFrom = s + from[j];
            const double* rsi = rsiOf[j];
            highest[j].reset(highIdx + j * cap, cap);
            lowest[j].reset(lowIdx + j * cap, cap);
            for (int64_t t = rsiFrom; t < e; ++t) {
              highest[j].push(rsi, t, kw[j]);
              lowest[j].push(rsi, t, kw[j]);
              if (t - rsiFrom >= kw[j] - 1) fastKAt(byType, c.T, t, rsi[t], rsi[highest[j].front()], rsi[lowest[j].front()]);
            }
            kdByType(out, v, KdTypes(c, -1, 6, v), c.T, byType, s, rsiFrom + kw[j] - 1, e, static_cast<int64_t>(c.param[3][v]),
                     static_cast<int64_t>(c.param[2][v]), std::isnan(zeroDenominator(c, 4, v, 0.0)));
          }
        },
        [&](int64_t t) { out.putNaNAll(t, b0, nb); });
    });
  }
  return kOk;
}

}  // namespace tagrid::momentum::stoch_rsi
