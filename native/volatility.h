// Volatility measures.
#pragma once
#include "primitives.h"

namespace tagrid {

// volatility.tr: TA-Lib TRANGE. The first bar of a segment has no previous
// close, so no value. Memory-bound: one branch-free pass per variant straight
// into its output row, which vectorizes. inputs: high, low, close. No scratch.
inline int64_t trScratch(int64_t) { return 0; }

// 0 when bars t-1 and t are valid, NaN otherwise: x - x is 0 for a number.
inline double trGap(const double* high, const double* low, const double* close, int64_t t) {
  return (high[t] - high[t]) + (low[t] - low[t]) + (close[t] - close[t]) +
         (high[t - 1] - high[t - 1]) + (low[t - 1] - low[t - 1]) + (close[t - 1] - close[t - 1]);
}

template <typename Out>
int32_t tr(const KernelCall& c, const OutView<Out>& out) {
  Out* const base = out.ptr[0];
  if (!base || c.T == 0) return kOk;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2];
  const int64_t stride = out.timeStride;
  for (int64_t v = c.v0; v < c.v1; ++v) {
    Out* row = base + v * out.variantStride;
    row[0] = static_cast<Out>(kNaN);
    for (int64_t t = 1; t < c.T; ++t)
      row[t * stride] = static_cast<Out>(trueRange(high[t], low[t], close[t - 1]) + trGap(high, low, close, t));
  }
  return kOk;
}

// volatility.atr, volatility.natr: TA-Lib ATR (Wilder smoothing of TRANGE,
// seeded with the mean of the first n true ranges) and NATR = ATR / close * 100
// (NaN when the close is 0). TR is computed once per call for every window.
// inputs: high, low, close. scratch: true ranges (T)
inline int64_t atrScratch(int64_t T) { return T; }
inline int64_t natrScratch(int64_t T) { return T; }

inline double natrValue(double atr, double close) { return close != 0.0 ? (atr / close) * 100.0 : kNaN; }

template <typename Out>
int32_t averageTrueRange(const KernelCall& c, const OutView<Out>& out, bool normalized) {
  if (c.scratchLen < atrScratch(c.T)) return kScratchTooSmall;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2];
  double* ranges = c.scratch;
  trueRanges(high, low, close, c.T, ranges);
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        double state[kBlock];
        int64_t seedAt[kBlock];
        for (int j = 0; j < nb; ++j) {
          const double n = window[b0 + j];
          seedAt[j] = s + static_cast<int64_t>(n);
          state[j] = seedAt[j] < e ? sumRange(ranges, s + 1, static_cast<int64_t>(n)) / n : kNaN;
        }
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            if (t > seedAt[j]) state[j] = wilderStep(state[j], ranges[t], window[b0 + j]);
            const double v = normalized ? natrValue(state[j], close[t]) : state[j];
            out.put(0, t, b0 + j, t >= seedAt[j] ? v : kNaN);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

template <typename Out>
int32_t atr(const KernelCall& c, const OutView<Out>& out) { return averageTrueRange(c, out, false); }

template <typename Out>
int32_t natr(const KernelCall& c, const OutView<Out>& out) { return averageTrueRange(c, out, true); }

// TA-Lib STDDEV and BBANDS take the standard deviation as 0 below a variance of 1e-14.
inline double taStddev(double variance) { return variance < 1e-14 ? 0.0 : std::sqrt(variance); }

// The rolling-variance family over one `source` input, from RollingMoments
// built once per call: VAR; STDDEV (window, nbdev); BBANDS with an SMA middle
// and its bandwidth and %b (window, mult). Division by zero gives NaN.
// scratch: rolling moments
enum class Spread { kVariance, kStddev, kBands, kBandwidth, kPercentB };

template <Spread K, typename Out>
int32_t spread(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < rollingMomentsScratch(c.T)) return kScratchTooSmall;
  const double* x = c.in[0];
  RollingMoments m;
  m.build(x, c.T, static_cast<int64_t>(maxParam(c, 0)), c.scratch);
  const double* window = c.param[0];
  const double* mult = K == Spread::kVariance ? nullptr : c.param[1];
  forEachBlock(c, [&](int64_t b0, int nb) {
    for (int64_t t = 0; t < c.T; ++t) {
      for (int64_t v = b0; v < b0 + nb; ++v) {
        const int64_t w = static_cast<int64_t>(window[v]);
        if (!m.valid(t, w)) { out.putNaNAll(t, v, 1); continue; }
        const double variance = m.variance(t, w);
        if constexpr (K == Spread::kVariance) {
          out.put(0, t, v, variance);
        } else if constexpr (K == Spread::kStddev) {
          out.put(0, t, v, taStddev(variance) * mult[v]);
        } else {
          const double mid = m.mean(t, w), dev = taStddev(variance) * mult[v];
          const double upper = mid + dev, lower = mid - dev;
          if constexpr (K == Spread::kBands) {
            out.put(0, t, v, mid);
            out.put(1, t, v, upper);
            out.put(2, t, v, lower);
          } else if constexpr (K == Spread::kBandwidth) {
            out.put(0, t, v, mid != 0.0 ? (upper - lower) / mid : kNaN);
          } else {
            out.put(0, t, v, upper != lower ? (x[t] - lower) / (upper - lower) : kNaN);
          }
        }
      }
    }
  });
  return kOk;
}

inline int64_t varianceScratch(int64_t T) { return rollingMomentsScratch(T); }
inline int64_t stddevScratch(int64_t T) { return rollingMomentsScratch(T); }
inline int64_t bbandsScratch(int64_t T) { return rollingMomentsScratch(T); }
inline int64_t bbandsBandwidthScratch(int64_t T) { return rollingMomentsScratch(T); }
inline int64_t bbandsPercentBScratch(int64_t T) { return rollingMomentsScratch(T); }

template <typename Out>
int32_t variance(const KernelCall& c, const OutView<Out>& out) { return spread<Spread::kVariance>(c, out); }
template <typename Out>
int32_t stddev(const KernelCall& c, const OutView<Out>& out) { return spread<Spread::kStddev>(c, out); }
template <typename Out>
int32_t bbands(const KernelCall& c, const OutView<Out>& out) { return spread<Spread::kBands>(c, out); }
template <typename Out>
int32_t bbandsBandwidth(const KernelCall& c, const OutView<Out>& out) { return spread<Spread::kBandwidth>(c, out); }
template <typename Out>
int32_t bbandsPercentB(const KernelCall& c, const OutView<Out>& out) { return spread<Spread::kPercentB>(c, out); }

// volatility.hv: 100 * population stddev of the last `window` log returns
// * sqrt(annualization). A return needs two positive prices; a window holding
// an undefined return is NaN. log1p of the relative change keeps full relative
// precision for small returns, where log(x[t] / x[t-1]) would not.
// scratch: returns (T) + rolling moments
inline int64_t hvScratch(int64_t T) { return T + rollingMomentsScratch(T); }

template <typename Out>
int32_t hv(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < hvScratch(c.T)) return kScratchTooSmall;
  const double* x = c.in[0];
  double* ret = c.scratch;
  for (int64_t t = 0; t < c.T; ++t)
    ret[t] = t > 0 && x[t] > 0.0 && x[t - 1] > 0.0 ? std::log1p((x[t] - x[t - 1]) / x[t - 1]) : kNaN;
  RollingMoments m;
  m.build(ret, c.T, static_cast<int64_t>(maxParam(c, 0)), c.scratch + c.T);
  const double *window = c.param[0], *annualization = c.param[1];
  forEachBlock(c, [&](int64_t b0, int nb) {
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

inline const KernelEntry kVolatilityKernels[] = {
  TAGRID_KERNEL("volatility.tr", 3, 0, 1, tr),
  TAGRID_KERNEL("volatility.atr", 3, 1, 1, atr),
  TAGRID_KERNEL("volatility.natr", 3, 1, 1, natr),
  TAGRID_KERNEL("volatility.variance", 1, 1, 1, variance),
  TAGRID_KERNEL("volatility.stddev", 1, 2, 1, stddev),
  TAGRID_KERNEL("volatility.bbands", 1, 2, 3, bbands),
  TAGRID_KERNEL("volatility.bbands_bandwidth", 1, 2, 1, bbandsBandwidth),
  TAGRID_KERNEL("volatility.bbands_percent_b", 1, 2, 1, bbandsPercentB),
  TAGRID_KERNEL("volatility.hv", 1, 2, 1, hv),
};

}  // namespace tagrid
