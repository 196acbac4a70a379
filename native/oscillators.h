// Momentum oscillators over rolling ranges and windows: stochastics, Williams
// %R, CCI, the ultimate oscillator, Ehlers' Fisher transform.
#pragma once
#include <algorithm>
#include <cmath>
#include "primitives.h"

namespace tagrid {

// TA-Lib's fast %K: where x sits in [lowest, highest], in percent; 0 when the
// range is empty.
inline double stochK(double x, double highest, double lowest) {
  const double diff = (highest - lowest) / 100.0;
  return diff != 0.0 ? (x - lowest) / diff : 0.0;
}

// Feeds k (when the %K line has a value at this bar) into the %D mean and
// writes k and d, both from %D's first bar on, as TA-Lib aligns them.
template <typename Out>
inline void putKD(const OutView<Out>& out, int64_t t, int64_t v, bool has, double k, RunningMean& dLine) {
  const double d = has ? dLine.push(k) : kNaN;
  out.put(0, t, v, std::isnan(d) ? kNaN : k);
  out.put(1, t, v, d);
}

// Highest of one series and lowest of another over any window, from two
// sparse tables built once per call at the start of the scratch.
inline int64_t rangeScratch(int64_t T) { return 2 * extremeScratch(T); }

struct RollingRange {
  using High = RollingExtreme<true>;
  using Low = RollingExtreme<false>;
  High high;
  Low low;
  RollingRange(const double* highs, const double* lows, int64_t T, double* scratch) {
    const int levels = extremeLevels(windowCapacity(T));
    high.build(highs, T, levels, scratch);
    low.build(lows, T, levels, scratch + extremeScratch(T));
  }
  // One window's levels, looked up once per block.
  struct Window {
    High::Window high;
    Low::Window low;
  };
  Window window(int64_t w) const { return {high.window(w), low.window(w)}; }
  static double highest(const Window& w, int64_t t) { return High::at(w.high, t); }
  static double lowest(const Window& w, int64_t t) { return Low::at(w.low, t); }
};

// momentum.stoch and momentum.stochf: TA-Lib STOCH / STOCHF with SMA
// smoothing. inputs high, low, close. Fast %K over k_window (param 0), slow %K
// = its TA-Lib running SMA over param `smoothing` (none for STOCHF: an SMA over
// one bar is the value itself, bit for bit), %D = running SMA of that over
// param `dWindow`. k and d both start on %D's first bar.
// scratch: ranges + a slow %K and a %D ring per block slot
inline int64_t stochScratch(int64_t T) { return rangeScratch(T) + 2 * kBlock * windowCapacity(T); }
inline int64_t stochfScratch(int64_t T) { return stochScratch(T); }

template <typename Out>
int32_t stochastic(const KernelCall& c, const OutView<Out>& out, int smoothing, int dWindow) {
  if (c.scratchLen < stochScratch(c.T)) return kScratchTooSmall;
  if (!windowsFit(c, 0) || !windowsFit(c, dWindow) || (smoothing >= 0 && !windowsFit(c, smoothing))) return kBadParam;
  const RollingRange range(c.in[0], c.in[1], c.T, c.scratch);
  const int64_t cap = windowCapacity(c.T);
  double* ringsK = c.scratch + rangeScratch(c.T);
  double* ringsD = ringsK + kBlock * cap;
  const double* close = c.in[2];
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t kw[kBlock];
    RollingRange::Window win[kBlock];
    for (int j = 0; j < nb; ++j) {
      kw[j] = static_cast<int64_t>(c.param[0][b0 + j]);
      win[j] = range.window(kw[j]);
    }
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        RunningMean slowK[kBlock], dLine[kBlock];
        for (int j = 0; j < nb; ++j) {
          slowK[j].reset(ringsK + j * cap, smoothing >= 0 ? static_cast<int64_t>(c.param[smoothing][b0 + j]) : 1);
          dLine[j].reset(ringsD + j * cap, static_cast<int64_t>(c.param[dWindow][b0 + j]));
        }
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            double slow = kNaN;
            if (t - s >= kw[j] - 1) {
              const double fast = stochK(close[t], RollingRange::highest(win[j], t), RollingRange::lowest(win[j], t));
              slow = slowK[j].push(fast);
            }
            putKD(out, t, b0 + j, !std::isnan(slow), slow, dLine[j]);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

template <typename Out>
int32_t stoch(const KernelCall& c, const OutView<Out>& out) { return stochastic(c, out, 1, 2); }

template <typename Out>
int32_t stochf(const KernelCall& c, const OutView<Out>& out) { return stochastic(c, out, -1, 1); }

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

// momentum.stoch_rsi: TA-Lib STOCHRSI (fastD matype 0), i.e. STOCHF with the
// RSI as high, low and close. params rsi_window, k_window, d_window. The RSI is
// computed once per run of variants sharing rsi_window, its rolling range per
// variant by monotonic deques. On flat stretches the RSI values of a window
// differ only in their last bits, so %K jumps between 0 and 100 there, as in
// TA-Lib. scratch: rsi (T) + two deques and a %D ring per block slot
inline int64_t stochRsiScratch(int64_t T) { return T + 3 * kBlock * windowCapacity(T); }

template <typename Out>
int32_t stochRsi(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < stochRsiScratch(c.T)) return kScratchTooSmall;
  if (!windowsFit(c, 0) || !windowsFit(c, 1) || !windowsFit(c, 2)) return kBadParam;
  const double* x = c.in[0];
  double* rsi = c.scratch;
  const int64_t cap = windowCapacity(c.T);
  int64_t* highIdx = reinterpret_cast<int64_t*>(c.scratch + c.T);
  int64_t* lowIdx = highIdx + kBlock * cap;
  double* rings = c.scratch + c.T + 2 * kBlock * cap;
  for (int64_t r0 = c.v0, r1; r0 < c.v1; r0 = r1) {
    const double rsiWindow = c.param[0][r0];
    for (r1 = r0 + 1; r1 < c.v1 && c.param[0][r1] == rsiWindow; ++r1) {}
    const int64_t n = static_cast<int64_t>(rsiWindow);
    forEachSegment(c.in, 1, c.T, [&](int64_t s, int64_t e) { rsiRun(x, s, e, n, rsi); }, [](int64_t) {});
    KernelCall run = c;
    run.v0 = r0;
    run.v1 = r1;
    forEachBlock(run, [&](int64_t b0, int nb) {
      int64_t kw[kBlock];
      for (int j = 0; j < nb; ++j) kw[j] = static_cast<int64_t>(c.param[1][b0 + j]);
      forEachSegment(c.in, 1, c.T,
        [&](int64_t s, int64_t e) {
          MonotonicDeque<true> highest[kBlock];
          MonotonicDeque<false> lowest[kBlock];
          RunningMean dLine[kBlock];
          for (int j = 0; j < nb; ++j) {
            highest[j].reset(highIdx + j * cap, cap);
            lowest[j].reset(lowIdx + j * cap, cap);
            dLine[j].reset(rings + j * cap, static_cast<int64_t>(c.param[2][b0 + j]));
          }
          for (int64_t t = s; t < e; ++t) {
            for (int j = 0; j < nb; ++j) {
              bool has = false;
              double fast = kNaN;
              if (t >= s + n) {
                highest[j].push(rsi, t, kw[j]);
                lowest[j].push(rsi, t, kw[j]);
                has = t - (s + n) >= kw[j] - 1;
                if (has) fast = stochK(rsi[t], rsi[highest[j].front()], rsi[lowest[j].front()]);
              }
              putKD(out, t, b0 + j, has, fast, dLine[j]);
            }
          }
        },
        [&](int64_t t) { out.putNaNAll(t, b0, nb); });
    });
  }
  return kOk;
}

// momentum.williams_r: TA-Lib WILLR, (HH - close) / ((HH - LL) / -100), 0 when
// HH == LL. inputs high, low, close. scratch: ranges
inline int64_t williamsRScratch(int64_t T) { return rangeScratch(T); }

template <typename Out>
int32_t williamsR(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < williamsRScratch(c.T)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  const RollingRange range(c.in[0], c.in[1], c.T, c.scratch);
  const double* close = c.in[2];
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t w[kBlock];
    RollingRange::Window win[kBlock];
    for (int j = 0; j < nb; ++j) {
      w[j] = static_cast<int64_t>(c.param[0][b0 + j]);
      win[j] = range.window(w[j]);
    }
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            double v = kNaN;
            if (t - s >= w[j] - 1) {
              const double hh = RollingRange::highest(win[j], t);
              const double diff = (hh - RollingRange::lowest(win[j], t)) / -100.0;
              v = diff != 0.0 ? (hh - close[t]) / diff : 0.0;
            }
            out.put(0, t, b0 + j, v);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// TA-Lib CCI keeps the window in a circular buffer filled from the first bar
// of the run and sums it in slot order: from the bar in slot 0 (a multiple of
// n bars after s) up to t, then the older bars. Summing chronologically
// instead differs by up to 1e-10 relative.
template <typename Term>
inline double slotOrderSum(const double* x, int64_t s, int64_t t, int64_t n, Term term) {
  const int64_t slot0 = t - (t - s) % n;
  double sum = 0.0;
  for (int64_t i = slot0; i <= t; ++i) sum += term(x[i]);
  for (int64_t i = t - n + 1; i < slot0; ++i) sum += term(x[i]);
  return sum;
}

// TA-Lib CCI at bar t of the run starting at s: (TP - mean) / (0.015 * mean
// absolute deviation), 0 when either is exactly 0.
inline double cciAt(const double* tp, int64_t s, int64_t t, int64_t n) {
  const double nd = static_cast<double>(n);
  const double mean = slotOrderSum(tp, s, t, n, [](double v) { return v; }) / nd;
  const double dev = slotOrderSum(tp, s, t, n, [mean](double v) { return std::fabs(v - mean); });
  const double diff = tp[t] - mean;
  return diff != 0.0 && dev != 0.0 ? diff / (0.015 * (dev / nd)) : 0.0;
}

// momentum.cci: TA-Lib CCI of the typical price (H + L + C) / 3, computed once
// per call. Each bar costs O(window): the mean deviation has no running form.
// scratch: tp (T)
inline int64_t cciScratch(int64_t T) { return T; }

template <typename Out>
int32_t cci(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < cciScratch(c.T)) return kScratchTooSmall;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2];
  double* tp = c.scratch;
  for (int64_t t = 0; t < c.T; ++t) tp[t] = (high[t] + low[t] + close[t]) / 3.0;
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t w[kBlock];
    for (int j = 0; j < nb; ++j) w[j] = static_cast<int64_t>(c.param[0][b0 + j]);
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        for (int64_t t = s; t < e; ++t)
          for (int j = 0; j < nb; ++j) out.put(0, t, b0 + j, t - s >= w[j] - 1 ? cciAt(tp, s, t, w[j]) : kNaN);
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// momentum.ultosc: TA-Lib ULTOSC. Buying pressure C - min(L, C_prev) and the
// true range are computed once per call. Per variant, three running sums of
// each, primed from their own first bars as TA-Lib does. The windows are
// sorted first, as TA-Lib does, so the shortest gets weight 4.
// scratch: bp (T) + tr (T)
inline int64_t ultoscScratch(int64_t T) { return 2 * T; }

template <typename Out>
int32_t ultosc(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < ultoscScratch(c.T)) return kScratchTooSmall;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2];
  double* bp = c.scratch;
  double* tr = c.scratch + c.T;
  for (int64_t t = 1; t < c.T; ++t) {
    bp[t] = close[t] - (low[t] < close[t - 1] ? low[t] : close[t - 1]);
    tr[t] = trueRange(high[t], low[t], close[t - 1]);
  }
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t p[3][kBlock];
    for (int j = 0; j < nb; ++j) {
      double w[3] = {c.param[0][b0 + j], c.param[1][b0 + j], c.param[2][b0 + j]};
      std::sort(w, w + 3);
      for (int q = 0; q < 3; ++q) p[q][j] = static_cast<int64_t>(w[q]);
    }
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        double a[3][kBlock], b[3][kBlock];
        for (int q = 0; q < 3; ++q) {
          std::fill(a[q], a[q] + nb, 0.0);
          std::fill(b[q], b[q] + nb, 0.0);
        }
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const int64_t first = s + p[2][j];  // first output bar
            for (int q = 0; q < 3; ++q) {
              if (t > first - p[q][j]) {
                a[q][j] += bp[t];
                b[q][j] += tr[t];
              }
            }
            double v = kNaN;
            if (t >= first) {
              double sum = 0.0;
              if (!nearZero(b[0][j])) sum += 4.0 * (a[0][j] / b[0][j]);
              if (!nearZero(b[1][j])) sum += 2.0 * (a[1][j] / b[1][j]);
              if (!nearZero(b[2][j])) sum += a[2][j] / b[2][j];
              v = 100.0 * (sum / 7.0);
              for (int q = 0; q < 3; ++q) {
                const int64_t oldest = t - p[q][j] + 1;
                a[q][j] -= bp[oldest];
                b[q][j] -= tr[oldest];
              }
            }
            out.put(0, t, b0 + j, v);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// One step of Ehlers' smoothed position: hl2 mapped to [-0.5, 0.5] within the
// window's range (0 when the range is empty), 0.33 * 2 * that + 0.67 * the
// previous value, clamped to +-0.999 so the transform stays finite.
inline double fisherValue(double x, double highest, double lowest, double prev) {
  const double range = highest - lowest;
  const double position = range != 0.0 ? (x - lowest) / range - 0.5 : 0.0;
  const double v = 0.66 * position + 0.67 * prev;
  return v > 0.999 ? 0.999 : (v < -0.999 ? -0.999 : v);
}

// momentum.fisher: Ehlers' Fisher transform of hl2. inputs high, low; outputs
// fisher = 0.5 * ln((1 + v) / (1 - v)) + 0.5 * previous fisher, and trigger =
// previous fisher. Both chains start at 0 on the first full window.
// scratch: hl2 (T) + ranges
inline int64_t fisherScratch(int64_t T) { return T + rangeScratch(T); }

template <typename Out>
int32_t fisher(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < fisherScratch(c.T)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  const double *high = c.in[0], *low = c.in[1];
  double* hl2 = c.scratch;
  for (int64_t t = 0; t < c.T; ++t) hl2[t] = (high[t] + low[t]) / 2.0;
  const RollingRange range(hl2, hl2, c.T, c.scratch + c.T);
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t w[kBlock];
    RollingRange::Window win[kBlock];
    for (int j = 0; j < nb; ++j) {
      w[j] = static_cast<int64_t>(c.param[0][b0 + j]);
      win[j] = range.window(w[j]);
    }
    forEachSegment(c.in, 2, c.T,
      [&](int64_t s, int64_t e) {
        double value[kBlock], fish[kBlock];
        std::fill(value, value + nb, 0.0);
        std::fill(fish, fish + nb, 0.0);
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            double f = kNaN, trigger = kNaN;
            if (t - s >= w[j] - 1) {
              if (t - s >= w[j]) trigger = fish[j];
              const double v = fisherValue(hl2[t], RollingRange::highest(win[j], t), RollingRange::lowest(win[j], t), value[j]);
              value[j] = v;
              fish[j] = 0.5 * std::log((1.0 + v) / (1.0 - v)) + 0.5 * fish[j];
              f = fish[j];
            }
            out.put(0, t, b0 + j, f);
            out.put(1, t, b0 + j, trigger);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

inline const KernelEntry kOscillatorKernels[] = {
  TAGRID_KERNEL("momentum.stoch", 3, 3, 2, stoch),
  TAGRID_KERNEL("momentum.stochf", 3, 2, 2, stochf),
  TAGRID_KERNEL("momentum.stoch_rsi", 1, 3, 2, stochRsi),
  TAGRID_KERNEL("momentum.williams_r", 3, 1, 1, williamsR),
  TAGRID_KERNEL("momentum.cci", 3, 1, 1, cci),
  TAGRID_KERNEL("momentum.ultosc", 3, 3, 1, ultosc),
  TAGRID_KERNEL("momentum.fisher", 2, 1, 2, fisher),
};

}  // namespace tagrid
