// Volume: on-balance volume, accumulation/distribution, money flow, VWAP.
#pragma once
#include "ma.h"
#include "primitives.h"

namespace tagrid {

// TA-Lib's typical price (H + L + C) / 3, in the operation order of the hlc3 source.
inline double typicalPrice(double high, double low, double close) { return (high + low + close) / 3.0; }

// TA-Lib AD's term of one bar: where the close sits in the bar's range, from
// -1 at the low to +1 at the high, times the volume; 0 for a bar without range.
inline double moneyFlowVolume(double high, double low, double close, double volume) {
  const double range = high - low;
  return range > 0.0 ? (((close - low) - (high - close)) / range) * volume : 0.0;
}

// Indicators without parameters give every variant the same series.
template <typename Out>
inline void putEvery(const KernelCall& c, const OutView<Out>& out, int k, int64_t t, double x) {
  for (int64_t v = c.v0; v < c.v1; ++v) out.put(k, t, v, x);
}

// volume.obv: TA-Lib OBV. Each run of valid bars starts at its first volume,
// then adds the volume when the close rises and subtracts it when it falls.
// inputs: close, volume.
inline int64_t obvScratch(int64_t) { return 0; }

template <typename Out>
int32_t obv(const KernelCall& c, const OutView<Out>& out) {
  const double *close = c.in[0], *volume = c.in[1];
  forEachSegment(c.in, 2, c.T,
    [&](int64_t s, int64_t e) {
      double level = volume[s];
      putEvery(c, out, 0, s, level);
      for (int64_t t = s + 1; t < e; ++t) {
        if (close[t] > close[t - 1]) level += volume[t];
        else if (close[t] < close[t - 1]) level -= volume[t];
        putEvery(c, out, 0, t, level);
      }
    },
    [&](int64_t t) { putEvery(c, out, 0, t, kNaN); });
  return kOk;
}

// TA-Lib AD of each run of valid bars into ad (NaN on invalid bars).
// inputs: high, low, close, volume.
inline void adLine(const KernelCall& c, double* ad) {
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2], *volume = c.in[3];
  forEachSegment(c.in, 4, c.T,
    [&](int64_t s, int64_t e) {
      double sum = 0.0;
      for (int64_t t = s; t < e; ++t) {
        sum += moneyFlowVolume(high[t], low[t], close[t], volume[t]);
        ad[t] = sum;
      }
    },
    [&](int64_t t) { ad[t] = kNaN; });
}

// volume.ad: TA-Lib AD, the running sum of money-flow volume. scratch: ad (T)
inline int64_t adScratch(int64_t T) { return T; }

template <typename Out>
int32_t ad(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < adScratch(c.T)) return kScratchTooSmall;
  adLine(c, c.scratch);
  for (int64_t t = 0; t < c.T; ++t) putEvery(c, out, 0, t, c.scratch[t]);
  return kOk;
}

// volume.adosc: TA-Lib ADOSC, EMA(AD, fast) - EMA(AD, slow). Unlike TA-Lib's
// EMA, both start from the first AD value (no SMA seed), update as
// k * x + (1 - k) * e, and the line is emitted from bar max(fast, slow) - 1;
// fast > slow is computed as given, like TA-Lib. scratch: ad (T)
inline int64_t adoscScratch(int64_t T) { return T; }

template <typename Out>
int32_t adosc(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < adoscScratch(c.T)) return kScratchTooSmall;
  double* line = c.scratch;
  adLine(c, line);
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 4, c.T,
      [&](int64_t s, int64_t e) {
        double fast[kBlock], slow[kBlock], kFast[kBlock], kSlow[kBlock];
        int64_t from[kBlock];
        for (int j = 0; j < nb; ++j) {
          const double f = c.param[0][b0 + j], sl = c.param[1][b0 + j];
          kFast[j] = 2.0 / (f + 1.0);
          kSlow[j] = 2.0 / (sl + 1.0);
          from[j] = s + static_cast<int64_t>(f > sl ? f : sl) - 1;
          fast[j] = slow[j] = line[s];
        }
        for (int64_t t = s; t < e; ++t) {
          const double x = line[t];
          for (int j = 0; j < nb; ++j) {
            if (t > s) {
              fast[j] = kFast[j] * x + (1.0 - kFast[j]) * fast[j];
              slow[j] = kSlow[j] * x + (1.0 - kSlow[j]) * slow[j];
            }
            out.put(0, t, b0 + j, t >= from[j] ? fast[j] - slow[j] : kNaN);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// Indicators made of two per-bar series summed over the window (MFI, CMF,
// VWAP). fill(a, b) writes both for every bar, NaN where the bar cannot be
// used; value(sumA, sumB) makes the output. The window sums come from prefix
// sums built once per call, so a variant costs O(1) per bar.
// scratch: a, b (2T), their prefix sums (2T + 2), lastGap (T)
inline int64_t windowRatioScratch(int64_t T) { return 5 * T + 2; }

template <typename Out, typename Fill, typename Value>
int32_t windowRatio(const KernelCall& c, const OutView<Out>& out, Fill fill, Value value) {
  if (c.scratchLen < windowRatioScratch(c.T)) return kScratchTooSmall;
  const int64_t T = c.T;
  double *a = c.scratch, *b = a + T, *sumA = b + T, *sumB = sumA + T + 1, *lastGap = sumB + T + 1;
  fill(a, b);
  prefixSums(a, T, sumA, lastGap);
  prefixSums(b, T, sumB, lastGap);  // a and b have the same gaps
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t w[kBlock];
    for (int j = 0; j < nb; ++j) w[j] = static_cast<int64_t>(window[b0 + j]);
    for (int64_t t = 0; t < T; ++t) {
      const int64_t run = t - static_cast<int64_t>(lastGap[t]);  // usable bars ending at t
      for (int j = 0; j < nb; ++j)
        out.put(0, t, b0 + j, run >= w[j] ? value(prefixWindowSum(sumA, t, w[j]), prefixWindowSum(sumB, t, w[j])) : kNaN);
    }
  });
  return kOk;
}

// volume.mfi: TA-Lib MFI. The flow of bar t is TP * volume, positive when TP
// rose from bar t-1 and negative when it fell, so it needs both bars valid.
// 100 * positive / (positive + negative), 0 when that sum is below 1.
// inputs: high, low, close, volume.
inline int64_t mfiScratch(int64_t T) { return windowRatioScratch(T); }

template <typename Out>
int32_t mfi(const KernelCall& c, const OutView<Out>& out) {
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2], *volume = c.in[3];
  return windowRatio(c, out,
    [&](double* up, double* down) {
      bool prevValid = false;
      double prevTp = 0.0;
      for (int64_t t = 0; t < c.T; ++t) {
        const bool valid = validAt(c.in, 4, t);
        const double tp = typicalPrice(high[t], low[t], close[t]);
        if (valid && prevValid) {
          const double flow = tp * volume[t];
          up[t] = tp > prevTp ? flow : 0.0;
          down[t] = tp < prevTp ? flow : 0.0;
        } else {
          up[t] = down[t] = kNaN;
        }
        prevValid = valid;
        prevTp = tp;
      }
    },
    [](double up, double down) {
      const double sum = up + down;
      return sum < 1.0 ? 0.0 : 100.0 * (up / sum);
    });
}

// Sum of term(t) over the window / sum of volume over it (CMF, VWAP); NaN
// where the window holds no volume. inputs: high, low, close, volume.
template <typename Out, typename Term>
int32_t perVolume(const KernelCall& c, const OutView<Out>& out, Term term) {
  const double* volume = c.in[3];
  return windowRatio(c, out,
    [&](double* sum, double* vol) {
      for (int64_t t = 0; t < c.T; ++t) {
        const bool valid = validAt(c.in, 4, t);
        sum[t] = valid ? term(t) : kNaN;
        vol[t] = valid ? volume[t] : kNaN;
      }
    },
    [](double sum, double vol) { return vol != 0.0 ? sum / vol : kNaN; });
}

// volume.cmf: Chaikin money flow, money-flow volume (as in TA-Lib AD) summed
// over the window, divided by the volume summed over it.
inline int64_t cmfScratch(int64_t T) { return windowRatioScratch(T); }

template <typename Out>
int32_t cmf(const KernelCall& c, const OutView<Out>& out) {
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2], *volume = c.in[3];
  return perVolume(c, out, [&](int64_t t) { return moneyFlowVolume(high[t], low[t], close[t], volume[t]); });
}

// volume.vwap: rolling VWAP, typical price * volume summed over the window,
// divided by the volume summed over it.
inline int64_t vwapScratch(int64_t T) { return windowRatioScratch(T); }

template <typename Out>
int32_t vwap(const KernelCall& c, const OutView<Out>& out) {
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2], *volume = c.in[3];
  return perVolume(c, out, [&](int64_t t) { return typicalPrice(high[t], low[t], close[t]) * volume[t]; });
}

// volume.vwap_deviation: rolling VWAP with bands at +- mult volume-weighted
// population standard deviations of the typical price around it. The moments
// come from WeightedMoments (no cancellation, exact 0 on a flat window); the
// typical price is computed once per call. outputs: vwap, upper, lower, stdev.
// scratch: typical price (T) + a WeightedMoments tail per variant of a block
inline int64_t vwapDeviationScratch(int64_t T) { return T + kBlock * weightedMomentsScratch(windowCapacity(T)); }

template <typename Out>
int32_t vwapDeviation(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < vwapDeviationScratch(c.T)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2], *volume = c.in[3];
  const int64_t lane = weightedMomentsScratch(windowCapacity(c.T));
  double* tp = c.scratch;
  double* tails = c.scratch + c.T;
  for (int64_t t = 0; t < c.T; ++t) tp[t] = typicalPrice(high[t], low[t], close[t]);
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 4, c.T,
      [&](int64_t s, int64_t e) {
        WeightedMoments window[kBlock];
        for (int j = 0; j < nb; ++j) window[j].reset(tails + j * lane, static_cast<int64_t>(c.param[0][b0 + j]));
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const Moments m = window[j].push(tp, volume, t);
            if (!window[j].full() || m.weight == 0.0) {
              out.putNaNAll(t, b0 + j, 1);
              continue;
            }
            const double sd = std::sqrt(m.m2 / m.weight), band = c.param[1][b0 + j] * sd;
            out.put(0, t, b0 + j, m.mean);
            out.put(1, t, b0 + j, m.mean + band);
            out.put(2, t, b0 + j, m.mean - band);
            out.put(3, t, b0 + j, sd);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

inline const KernelEntry kVolumeKernels[] = {
  TAGRID_KERNEL("volume.obv", 2, 0, 1, obv),
  TAGRID_KERNEL("volume.ad", 4, 0, 1, ad),
  TAGRID_KERNEL("volume.adosc", 4, 2, 1, adosc),
  TAGRID_KERNEL("volume.mfi", 4, 1, 1, mfi),
  TAGRID_KERNEL("volume.cmf", 4, 1, 1, cmf),
  TAGRID_KERNEL("volume.volume_sma", 1, 1, 1, sma),
  TAGRID_KERNEL("volume.vwap", 4, 1, 1, vwap),
  TAGRID_KERNEL("volume.vwap_deviation", 4, 2, 4, vwapDeviation),
};

}  // namespace tagrid
