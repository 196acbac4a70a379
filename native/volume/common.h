// What several volume indicators share: the typical price and money-flow
// volume of a bar, the AD line, and ratios of two series summed over a window
// (MFI, CMF, VWAP).
#pragma once
#include "../primitives.h"

namespace tagrid::volume {

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

// TA-Lib AD of each run of valid bars into ad (NaN on invalid bars).
// inputs: high, low, close, volume. carried: the sum of the run bar 0
// continues (volume.ad's kernel state, NaN after a NaN bar), NaN: none.
inline void adLine(const KernelCall& c, double* ad, double carried = kNaN) {
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2], *volume = c.in[3];
  forEachSegment(c.in, 4, c.T,
    [&](int64_t s, int64_t e) {
      double sum = s == 0 && !std::isnan(carried) ? carried : 0.0;
      for (int64_t t = s; t < e; ++t) {
        sum += moneyFlowVolume(high[t], low[t], close[t], volume[t]);
        ad[t] = sum;
      }
    },
    [&](int64_t t) { ad[t] = kNaN; });
}

// Indicators made of two per-bar series summed over the window (MFI, CMF,
// VWAP). fill(a, b) writes both for every bar, NaN where the bar cannot be
// used; value(sumA, sumB) makes the output. The window sums come from prefix
// sums built once per call, so a variant costs O(1) per bar.
// With state (a stream's batches), both prefixes continue the run as
// ma.sma's does (pairPrefixStart in native/primitives.h), the state's head
// the fill's (MFI: whether bar -1 was usable, its typical price); fill(a, b, headIn, headOut)
// continues from headIn (null without state) and leaves its head in headOut.
// scratch: a, b (2T), their prefixes with the W entries before bar 0 (4(T + W)), lastGap (T)
inline int64_t windowRatioScratch(int64_t T, int64_t W) { return 3 * T + 4 * (T + std::max<int64_t>(W, 1)); }

template <typename Out, typename Fill, typename Value>
int32_t windowRatio(const KernelCall& c, const OutView<Out>& out, int head, Fill fill, Value value) {
  const int64_t T = c.T, W = statePrefixWindow(c, 0);
  if (c.scratchLen < windowRatioScratch(T, W)) return kScratchTooSmall;
  double *a = c.scratch, *b = a + T, *entriesA = b + T, *entriesB = entriesA + 2 * (T + W), *lastGap = entriesB + 2 * (T + W);
  double *sumA = entriesA + 2 * (W - 1), *sumB = entriesB + 2 * (W - 1);
  const int64_t P = pairPrefixStart(c, W, head, entriesA, entriesB);
  if (P < 0) return kBadParam;
  fill(a, b, c.stateIn ? c.stateIn + 1 + 4 * P : nullptr, c.stateOut ? c.stateOut + 1 + 4 * P : nullptr);
  const double run = c.stateIn ? c.stateIn[0] : 0.0;
  prefixSums(a, T, sumA, lastGap, sumA[0], sumA[1], run);
  prefixSums(b, T, sumB, lastGap, sumB[0], sumB[1], run);  // a and b have the same gaps
  pairPrefixEnd(c, W, P, sumA, sumB, lastGap);
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t w[kBlock];
    for (int j = 0; j < nb; ++j) w[j] = static_cast<int64_t>(window[b0 + j]);
    for (int64_t t = 0; t < T; ++t) {
      const int64_t run = t - static_cast<int64_t>(lastGap[t]);  // usable bars ending at t
      for (int j = 0; j < nb; ++j)
        out.put(0, t, b0 + j, run >= w[j] ? value(prefixWindowSum(sumA, t, w[j]), prefixWindowSum(sumB, t, w[j]), b0 + j) : kNaN);
    }
  });
  return kOk;
}

// Sum of term(t) over the window / sum of volume over it (CMF, VWAP); NaN
// where the window holds no volume. inputs: high, low, close, volume.
template <typename Out, typename Term>
int32_t perVolume(const KernelCall& c, const OutView<Out>& out, Term term) {
  const double* volume = c.in[3];
  return windowRatio(c, out, 0,
    [&](double* sum, double* vol, const double*, double*) {
      for (int64_t t = 0; t < c.T; ++t) {
        const bool valid = validAt(c.in, 4, t);
        sum[t] = valid ? term(t) : kNaN;
        vol[t] = valid ? volume[t] : kNaN;
      }
    },
    [](double sum, double vol, int64_t) { return vol != 0.0 ? sum / vol : kNaN; });
}

}  // namespace tagrid::volume
