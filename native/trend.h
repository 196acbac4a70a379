// Trend indicators.
#pragma once
#include "primitives.h"

namespace tagrid {

// ---------------------------------------------------------------------------
// Wilder's directional system (trend.adx, trend.adxr)

// TA-Lib's one-bar directional movement, from bar 1 on: the larger move
// outside the previous bar's range counts, equal moves count for neither side.
inline void directionalMoves(const double* high, const double* low, int64_t T, double* plusDM, double* minusDM) {
  for (int64_t t = 1; t < T; ++t) {
    const double up = high[t] - high[t - 1], down = low[t - 1] - low[t];
    plusDM[t] = up > 0.0 && up > down ? up : 0.0;
    minusDM[t] = down > 0.0 && down > up ? down : 0.0;
  }
}

// Wilder's running sum, as TA-Lib smooths DM and TR: S - S/n + x.
inline double wilderSumStep(double prev, double x, double n) { return prev - prev / n + x; }

// TA-Lib's PLUS_DI, MINUS_DI, DX, ADX and ADXR in its operation order. The
// sums of DM and TR are seeded with bars s+1 .. s+n-1 and smoothed from bar
// s+n, where the DIs and DX start; the ADX is the mean of the first n DX, then
// Wilder's average. DX is undefined where TR or +DI + -DI vanish: TA-Lib then
// repeats the last DX (0 at first) and leaves the ADX unchanged.
// Outputs: adx, plus_di, minus_di, dx (trend.adx) or adxr (trend.adxr).
// scratch: +DM, -DM and TR (3T); ADXR adds a ring of recent ADX per block lane.
inline int64_t adxScratch(int64_t T) { return 3 * T; }
inline int64_t adxrScratch(int64_t T) { return 3 * T + kBlock * windowCapacity(T); }

template <bool Adxr, typename Out>
int32_t directionalSystem(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < (Adxr ? adxrScratch(c.T) : adxScratch(c.T))) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  double* plusDM = c.scratch;
  double* minusDM = plusDM + c.T;
  double* tr = minusDM + c.T;
  double* history = tr + c.T;
  const int64_t ring = windowCapacity(c.T);
  directionalMoves(c.in[0], c.in[1], c.T, plusDM, minusDM);
  trueRanges(c.in[0], c.in[1], c.in[2], c.T, tr);
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        double sTR[kBlock], sPlus[kBlock], sMinus[kBlock], dx[kBlock], adx[kBlock];
        for (int j = 0; j < nb; ++j) {
          const int64_t n = static_cast<int64_t>(window[b0 + j]);
          const bool seeded = s + n < e;
          sTR[j] = seeded ? sumRange(tr, s + 1, n - 1) : kNaN;
          sPlus[j] = seeded ? sumRange(plusDM, s + 1, n - 1) : kNaN;
          sMinus[j] = seeded ? sumRange(minusDM, s + 1, n - 1) : kNaN;
          dx[j] = 0.0;
          adx[j] = 0.0;  // sums the first n DX until the ADX starts
        }
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const double n = window[b0 + j];
            const int64_t w = static_cast<int64_t>(n);
            const int64_t first = s + w, adxFrom = first + w - 1;
            if (t < first) { out.putNaNAll(t, b0 + j, 1); continue; }
            sTR[j] = wilderSumStep(sTR[j], tr[t], n);
            sPlus[j] = wilderSumStep(sPlus[j], plusDM[t], n);
            sMinus[j] = wilderSumStep(sMinus[j], minusDM[t], n);
            const bool flat = nearZero(sTR[j]);
            const double plusDI = flat ? 0.0 : 100.0 * (sPlus[j] / sTR[j]);
            const double minusDI = flat ? 0.0 : 100.0 * (sMinus[j] / sTR[j]);
            const double sum = minusDI + plusDI;
            const bool defined = !flat && !nearZero(sum);
            const double x = defined ? 100.0 * (std::fabs(minusDI - plusDI) / sum) : 0.0;
            if (defined) dx[j] = x;
            if (t < adxFrom) adx[j] += x;  // an undefined DX adds nothing
            else if (t == adxFrom) adx[j] = (adx[j] + x) / n;
            else if (defined) adx[j] = wilderStep(adx[j], x, n);
            if constexpr (Adxr) {
              // ADXR averages the ADX with the one n-1 bars back, kept in slot t mod n.
              double* lane = history + j * ring;
              double v = kNaN;
              if (t >= adxFrom) {
                if (t >= adxFrom + w - 1) v = (adx[j] + lane[(t + 1) % w]) / 2.0;
                lane[t % w] = adx[j];
              }
              out.put(0, t, b0 + j, v);
            } else {
              out.put(0, t, b0 + j, t >= adxFrom ? adx[j] : kNaN);
              out.put(1, t, b0 + j, plusDI);
              out.put(2, t, b0 + j, minusDI);
              out.put(3, t, b0 + j, dx[j]);
            }
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

template <typename Out>
int32_t adx(const KernelCall& c, const OutView<Out>& out) { return directionalSystem<false>(c, out); }

template <typename Out>
int32_t adxr(const KernelCall& c, const OutView<Out>& out) { return directionalSystem<true>(c, out); }

// ---------------------------------------------------------------------------
// trend.aroon: TA-Lib AROON and AROONOSC over the n+1 bars t-n .. t. The bars
// of the highest high and the lowest low come from sparse tables built once
// per call; ties go to the most recent bar. scratch: two extreme tables.
inline int64_t aroonScratch(int64_t T) { return 2 * extremeScratch(T); }

template <typename Out>
int32_t aroon(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < aroonScratch(c.T)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  const int levels = extremeLevels(std::min<int64_t>(static_cast<int64_t>(maxParam(c, 0)) + 1, windowCapacity(c.T)));
  RollingArgExtreme<true> highest;
  RollingArgExtreme<false> lowest;
  highest.build(c.in[0], c.T, levels, c.scratch);
  lowest.build(c.in[1], c.T, levels, c.scratch + extremeScratch(c.T));
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    RollingArgExtreme<true>::Window highs[kBlock];
    RollingArgExtreme<false>::Window lows[kBlock];
    for (int j = 0; j < nb; ++j) {
      const int64_t span = static_cast<int64_t>(window[b0 + j]) + 1;
      highs[j] = highest.window(span);
      lows[j] = lowest.window(span);
    }
    forEachSegment(c.in, 2, c.T,
      [&](int64_t s, int64_t e) {
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const double n = window[b0 + j];
            if (t - s < static_cast<int64_t>(n)) { out.putNaNAll(t, b0 + j, 1); continue; }
            const int64_t hi = highest.at(highs[j], t), lo = lowest.at(lows[j], t);
            const double factor = 100.0 / n;
            out.put(0, t, b0 + j, factor * (n - static_cast<double>(t - hi)));
            out.put(1, t, b0 + j, factor * (n - static_cast<double>(t - lo)));
            out.put(2, t, b0 + j, factor * static_cast<double>(hi - lo));
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// ---------------------------------------------------------------------------
// trend.psar: TA-Lib SAR with its acceleration split into a start and a step
// (SAR is start = step = acceleration; a start above the maximum is clamped to
// it, as TA-Lib does). Outputs psar and direction (+1 long, -1 short), from the
// second bar of a segment on. The first trend is short when that bar's -DM1
// is positive; the first SAR is the first bar's low (long) or high (short).

// A long SAR may not rise into the range of the previous or the current bar.
inline double belowBars(double sar, double prevLow, double low) {
  if (sar > prevLow) sar = prevLow;
  if (sar > low) sar = low;
  return sar;
}

// A short SAR may not fall into the range of the previous or the current bar.
inline double aboveBars(double sar, double prevHigh, double high) {
  if (sar < prevHigh) sar = prevHigh;
  if (sar < high) sar = high;
  return sar;
}

struct SarLane {
  double sar, ep, af;
  bool isLong;

  // One bar in TA-Lib's order: report the SAR (on a reversal, the extreme
  // point), update the extreme point and acceleration, then step the SAR.
  double bar(double prevHigh, double prevLow, double high, double low, double afStart, double afStep, double afMax) {
    double reported;
    if (isLong) {
      if (low <= sar) {
        isLong = false;
        reported = aboveBars(ep, prevHigh, high);
        af = afStart;
        ep = low;
        sar = aboveBars(reported + af * (ep - reported), prevHigh, high);
      } else {
        reported = sar;
        if (high > ep) { ep = high; af = std::min(af + afStep, afMax); }
        sar = belowBars(sar + af * (ep - sar), prevLow, low);
      }
    } else {
      if (high >= sar) {
        isLong = true;
        reported = belowBars(ep, prevLow, low);
        af = afStart;
        ep = high;
        sar = belowBars(reported + af * (ep - reported), prevLow, low);
      } else {
        reported = sar;
        if (low < ep) { ep = low; af = std::min(af + afStep, afMax); }
        sar = aboveBars(sar + af * (ep - sar), prevHigh, high);
      }
    }
    return reported;
  }
};

// The starting acceleration, clamped to the maximum.
inline double sarStart(double start, double maxAf) { return start > maxAf ? maxAf : start; }

inline int64_t psarScratch(int64_t) { return 0; }

template <typename Out>
int32_t psar(const KernelCall& c, const OutView<Out>& out) {
  const double *high = c.in[0], *low = c.in[1];
  const double *start = c.param[0], *step = c.param[1], *maxAf = c.param[2];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 2, c.T,
      [&](int64_t s, int64_t e) {
        out.putNaNAll(s, b0, nb);
        if (e - s < 2) return;
        const double up = high[s + 1] - high[s], down = low[s] - low[s + 1];
        const bool startLong = !(down > 0.0 && up < down);
        SarLane lane[kBlock];
        for (int j = 0; j < nb; ++j) {
          const int64_t v = b0 + j;
          lane[j] = {startLong ? low[s] : high[s], startLong ? high[s + 1] : low[s + 1],
                     sarStart(start[v], maxAf[v]), startLong};
        }
        for (int64_t t = s + 1; t < e; ++t) {
          const int64_t p = t > s + 1 ? t - 1 : t;  // TA-Lib's first bar is its own previous bar
          for (int j = 0; j < nb; ++j) {
            const int64_t v = b0 + j;
            out.put(0, t, v, lane[j].bar(high[p], low[p], high[t], low[t], sarStart(start[v], maxAf[v]), step[v], maxAf[v]));
            out.put(1, t, v, lane[j].isLong ? 1.0 : -1.0);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// ---------------------------------------------------------------------------
// trend.linreg: TA-Lib LINEARREG, _SLOPE, _INTERCEPT and _ANGLE, the least
// squares line of the last n values against the bar age (newest 0). The sums
// of y and age * y slide by one bar in O(1); every n bars they are summed
// afresh in TA-Lib's order, so rounding cannot drift on long series.
// Outputs: value (the line at the current bar), slope (per bar), intercept
// (the line at the oldest bar of the window), angle (degrees).
inline int64_t linregScratch(int64_t) { return 0; }

// TA-Lib's sums over the window ending at t, oldest bar first.
inline void regressionSums(const double* y, int64_t t, int64_t n, double& sumY, double& sumXY) {
  sumY = 0.0;
  sumXY = 0.0;
  for (int64_t age = n - 1; age >= 0; --age) {
    sumY += y[t - age];
    sumXY += static_cast<double>(age) * y[t - age];
  }
}

template <typename Out>
int32_t linreg(const KernelCall& c, const OutView<Out>& out) {
  constexpr double kDegrees = 180.0 / 3.14159265358979323846;
  const double* y = c.in[0];
  const double* window = c.param[0];
  const bool angle = out.ptr[3] != nullptr;  // atan is the costliest step: skip it when not asked for
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        double sumY[kBlock], sumXY[kBlock], sumX[kBlock], divisor[kBlock];
        int64_t fresh[kBlock];  // next bar summed afresh
        for (int j = 0; j < nb; ++j) {
          const int64_t w = static_cast<int64_t>(window[b0 + j]);
          sumX[j] = static_cast<double>(w * (w - 1)) * 0.5;
          divisor[j] = sumX[j] * sumX[j] - window[b0 + j] * static_cast<double>(w * (w - 1) * (2 * w - 1) / 6);
          fresh[j] = s + w - 1;
        }
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const double n = window[b0 + j];
            const int64_t w = static_cast<int64_t>(n);
            if (t < s + w - 1) { out.putNaNAll(t, b0 + j, 1); continue; }
            if (t == fresh[j]) {
              regressionSums(y, t, w, sumY[j], sumXY[j]);
              fresh[j] += w;
            } else {
              const double oldest = y[t - w];  // every other bar ages by one, the oldest leaves
              sumXY[j] = sumXY[j] + sumY[j] - n * oldest;
              sumY[j] = sumY[j] - oldest + y[t];
            }
            const double m = (n * sumXY[j] - sumX[j] * sumY[j]) / divisor[j];
            const double b = (sumY[j] - m * sumX[j]) / n;
            out.put(0, t, b0 + j, b + m * (n - 1.0));
            out.put(1, t, b0 + j, m);
            out.put(2, t, b0 + j, b);
            if (angle) out.put(3, t, b0 + j, std::atan(m) * kDegrees);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// ---------------------------------------------------------------------------
// Price channels: the highest high and lowest low for every window of a call,
// from two sparse tables built once (Donchian, Chandelier, Ichimoku).
struct PriceChannel {
  RollingExtreme<true> highest;
  RollingExtreme<false> lowest;

  static int64_t scratch(int64_t T) { return 2 * extremeScratch(T); }
  void build(const double* high, const double* low, int64_t T, double maxWindow, double* at) {
    const int levels = extremeLevels(std::min<int64_t>(static_cast<int64_t>(maxWindow), windowCapacity(T)));
    highest.build(high, T, levels, at);
    lowest.build(low, T, levels, at + extremeScratch(T));
  }
  // The levels serving one window, for a lane that reads it at every bar.
  struct Window {
    RollingExtreme<true>::Window high;
    RollingExtreme<false>::Window low;
    double upper(int64_t t) const { return RollingExtreme<true>::at(high, t); }
    double lower(int64_t t) const { return RollingExtreme<false>::at(low, t); }
    double mid(int64_t t) const { return (upper(t) + lower(t)) / 2.0; }
  };
  Window window(int64_t w) const { return {highest.window(w), lowest.window(w)}; }
};

// trend.donchian: upper = highest high, lower = lowest low of the last n bars
// (current included), mid = (upper + lower) / 2 (TA-Lib's MIDPRICE).
inline int64_t donchianScratch(int64_t T) { return PriceChannel::scratch(T); }

template <typename Out>
int32_t donchian(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < donchianScratch(c.T)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  PriceChannel channel;
  channel.build(c.in[0], c.in[1], c.T, maxParam(c, 0), c.scratch);
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    PriceChannel::Window lanes[kBlock];
    for (int j = 0; j < nb; ++j) lanes[j] = channel.window(static_cast<int64_t>(window[b0 + j]));
    forEachSegment(c.in, 2, c.T,
      [&](int64_t s, int64_t e) {
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const int64_t w = static_cast<int64_t>(window[b0 + j]);
            if (t - s < w - 1) { out.putNaNAll(t, b0 + j, 1); continue; }
            const double upper = lanes[j].upper(t), lower = lanes[j].lower(t);
            out.put(0, t, b0 + j, upper);
            out.put(1, t, b0 + j, lower);
            out.put(2, t, b0 + j, (upper + lower) / 2.0);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// ---------------------------------------------------------------------------
// ATR-banded indicators. Each keeps TA-Lib's ATR per variant: the mean of the
// true ranges of bars s+1 .. s+n at bar s+n, then Wilder's smoothing.

// Advances the ATR of a segment starting at s to bar t >= s + n.
inline void atrAdvance(double& atr, const double* tr, int64_t s, int64_t t, double n) {
  const int64_t w = static_cast<int64_t>(n);
  atr = t == s + w ? sumRange(tr, s + 1, w) / n : wilderStep(atr, tr[t], n);
}

// trend.keltner: middle = TA-Lib EMA(n) of the typical price (H+L+C)/3,
// upper / lower = middle +- mult * ATR(n). The middle starts at bar n-1, the
// bands at bar n. scratch: typical price, true range (2T)
inline int64_t keltnerScratch(int64_t T) { return 2 * T; }

template <typename Out>
int32_t keltner(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < keltnerScratch(c.T)) return kScratchTooSmall;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2];
  double* typical = c.scratch;
  double* tr = c.scratch + c.T;
  for (int64_t t = 0; t < c.T; ++t) typical[t] = (high[t] + low[t] + close[t]) / 3.0;
  trueRanges(high, low, close, c.T, tr);
  const double *window = c.param[0], *mult = c.param[1];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        double middle[kBlock], atr[kBlock];
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const double n = window[b0 + j];
            const int64_t w = static_cast<int64_t>(n);
            if (t < s + w - 1) { out.putNaNAll(t, b0 + j, 1); continue; }
            middle[j] = t == s + w - 1 ? sumRange(typical, s, w) / n : emaStep(middle[j], typical[t], 2.0 / (n + 1.0));
            out.put(0, t, b0 + j, middle[j]);
            if (t < s + w) { out.put(1, t, b0 + j, kNaN); out.put(2, t, b0 + j, kNaN); continue; }
            atrAdvance(atr[j], tr, s, t, n);
            out.put(1, t, b0 + j, middle[j] + mult[b0 + j] * atr[j]);
            out.put(2, t, b0 + j, middle[j] - mult[b0 + j] * atr[j]);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// trend.supertrend: bands (H+L)/2 +- mult * ATR(n) that only move against the
// trend they guard unless the previous close broke through them; the trend
// flips when the close crosses the band on the other side (TradingView's
// ta.supertrend flip rule). Outputs supertrend (the lower band in an uptrend,
// the upper one in a downtrend) and direction (+1 up, -1 down), from bar n,
// where the trend starts down. scratch: true range (T)
inline int64_t supertrendScratch(int64_t T) { return T; }

template <typename Out>
int32_t supertrend(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < supertrendScratch(c.T)) return kScratchTooSmall;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2];
  double* tr = c.scratch;
  trueRanges(high, low, close, c.T, tr);
  const double *window = c.param[0], *mult = c.param[1];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        double atr[kBlock], upper[kBlock], lower[kBlock];
        bool up[kBlock];
        for (int64_t t = s; t < e; ++t) {
          const double mid = (high[t] + low[t]) / 2.0;
          for (int j = 0; j < nb; ++j) {
            const double n = window[b0 + j];
            const int64_t first = s + static_cast<int64_t>(n);
            if (t < first) { out.putNaNAll(t, b0 + j, 1); continue; }
            atrAdvance(atr[j], tr, s, t, n);
            const double basicUpper = mid + mult[b0 + j] * atr[j], basicLower = mid - mult[b0 + j] * atr[j];
            if (t == first) {
              upper[j] = basicUpper;
              lower[j] = basicLower;
              up[j] = false;
            } else {
              const double prevClose = close[t - 1];
              if (basicLower > lower[j] || prevClose < lower[j]) lower[j] = basicLower;
              if (basicUpper < upper[j] || prevClose > upper[j]) upper[j] = basicUpper;
              up[j] = up[j] ? !(close[t] < lower[j]) : close[t] > upper[j];
            }
            out.put(0, t, b0 + j, up[j] ? lower[j] : upper[j]);
            out.put(1, t, b0 + j, up[j] ? 1.0 : -1.0);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// trend.chandelier_exit: long = highest high - mult * ATR(n), short = lowest
// low + mult * ATR(n), the extremes over the last n bars; from bar n.
// scratch: true range (T) and a price channel
inline int64_t chandelierExitScratch(int64_t T) { return T + PriceChannel::scratch(T); }

template <typename Out>
int32_t chandelierExit(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < chandelierExitScratch(c.T)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  double* tr = c.scratch;
  trueRanges(c.in[0], c.in[1], c.in[2], c.T, tr);
  PriceChannel channel;
  channel.build(c.in[0], c.in[1], c.T, maxParam(c, 0), c.scratch + c.T);
  const double *window = c.param[0], *mult = c.param[1];
  forEachBlock(c, [&](int64_t b0, int nb) {
    PriceChannel::Window lanes[kBlock];
    for (int j = 0; j < nb; ++j) lanes[j] = channel.window(static_cast<int64_t>(window[b0 + j]));
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        double atr[kBlock];
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const double n = window[b0 + j];
            const int64_t w = static_cast<int64_t>(n);
            if (t < s + w) { out.putNaNAll(t, b0 + j, 1); continue; }
            atrAdvance(atr[j], tr, s, t, n);
            const double band = mult[b0 + j] * atr[j];
            out.put(0, t, b0 + j, lanes[j].upper(t) - band);
            out.put(1, t, b0 + j, lanes[j].lower(t) + band);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// ---------------------------------------------------------------------------
// trend.ichimoku: conversion and base lines are the channel midpoints of their
// windows; span A (their mean) and span B (the midpoint of the span_b window)
// are plotted displacement bars ahead, so span[t] uses bars up to t - d; the
// lagging line is the close d bars later, lagging[t] = close[t + d], which
// looks ahead by construction and is NaN on the last d bars of a segment.
// Params: conversion, base, span_b, displacement. scratch: a price channel
inline int64_t ichimokuScratch(int64_t T) { return PriceChannel::scratch(T); }

template <typename Out>
int32_t ichimoku(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < ichimokuScratch(c.T)) return kScratchTooSmall;
  if (!windowsFit(c, 0) || !windowsFit(c, 1) || !windowsFit(c, 2)) return kBadParam;
  const double* close = c.in[2];
  PriceChannel channel;
  channel.build(c.in[0], c.in[1], c.T, std::max(maxParam(c, 0), std::max(maxParam(c, 1), maxParam(c, 2))), c.scratch);
  const double *conversion = c.param[0], *base = c.param[1], *spanB = c.param[2], *displacement = c.param[3];
  forEachBlock(c, [&](int64_t b0, int nb) {
    PriceChannel::Window conversionLane[kBlock], baseLane[kBlock], spanBLane[kBlock];
    for (int j = 0; j < nb; ++j) {
      conversionLane[j] = channel.window(static_cast<int64_t>(conversion[b0 + j]));
      baseLane[j] = channel.window(static_cast<int64_t>(base[b0 + j]));
      spanBLane[j] = channel.window(static_cast<int64_t>(spanB[b0 + j]));
    }
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const int64_t v = b0 + j;
            const int64_t wc = static_cast<int64_t>(conversion[v]), wb = static_cast<int64_t>(base[v]);
            const int64_t ws = static_cast<int64_t>(spanB[v]), d = static_cast<int64_t>(displacement[v]);
            const int64_t u = t - d;  // the bar the spans at t were computed on
            out.put(0, t, v, t - s >= wc - 1 ? conversionLane[j].mid(t) : kNaN);
            out.put(1, t, v, t - s >= wb - 1 ? baseLane[j].mid(t) : kNaN);
            out.put(2, t, v, u - s >= std::max(wc, wb) - 1 ? (conversionLane[j].mid(u) + baseLane[j].mid(u)) / 2.0 : kNaN);
            out.put(3, t, v, u - s >= ws - 1 ? spanBLane[j].mid(u) : kNaN);
            out.put(4, t, v, t + d < e ? close[t + d] : kNaN);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// ---------------------------------------------------------------------------
// trend.vortex: VI+ = sum |H - L_prev| / sum TR and VI- = sum |L - H_prev| /
// sum TR over the last n bars, from bar n (the first movement is at bar 1).
// NaN where the true ranges of the window sum to 0. Window sums come from
// prefix sums built once per call. scratch: three series, their prefix sums
// and the gap index (7T + 3)
inline int64_t vortexScratch(int64_t T) { return 7 * T + 3; }

template <typename Out>
int32_t vortex(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < vortexScratch(c.T)) return kScratchTooSmall;
  const double *high = c.in[0], *low = c.in[1];
  double* plus = c.scratch;
  double* minus = plus + c.T;
  double* tr = minus + c.T;
  double* sumPlus = tr + c.T;
  double* sumMinus = sumPlus + c.T + 1;
  double* sumTR = sumMinus + c.T + 1;
  double* lastGap = sumTR + c.T + 1;
  if (c.T > 0) plus[0] = minus[0] = tr[0] = kNaN;
  for (int64_t t = 1; t < c.T; ++t) {
    plus[t] = std::fabs(high[t] - low[t - 1]);
    minus[t] = std::fabs(low[t] - high[t - 1]);
  }
  trueRanges(high, low, c.in[2], c.T, tr);
  prefixSums(plus, c.T, sumPlus, lastGap);
  prefixSums(minus, c.T, sumMinus, lastGap);
  prefixSums(tr, c.T, sumTR, lastGap);
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const int64_t w = static_cast<int64_t>(window[b0 + j]);
            if (t < s + w) { out.putNaNAll(t, b0 + j, 1); continue; }
            const double range = prefixWindowSum(sumTR, t, w);
            out.put(0, t, b0 + j, range == 0.0 ? kNaN : prefixWindowSum(sumPlus, t, w) / range);
            out.put(1, t, b0 + j, range == 0.0 ? kNaN : prefixWindowSum(sumMinus, t, w) / range);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

inline const KernelEntry kTrendKernels[] = {
  TAGRID_KERNEL("trend.adx", 3, 1, 4, adx),
  TAGRID_KERNEL("trend.adxr", 3, 1, 1, adxr),
  TAGRID_KERNEL("trend.aroon", 2, 1, 3, aroon),
  TAGRID_KERNEL("trend.psar", 2, 3, 2, psar),
  TAGRID_KERNEL("trend.linreg", 1, 1, 4, linreg),
  TAGRID_KERNEL("trend.donchian", 2, 1, 3, donchian),
  TAGRID_KERNEL("trend.keltner", 3, 2, 3, keltner),
  TAGRID_KERNEL("trend.supertrend", 3, 2, 2, supertrend),
  TAGRID_KERNEL("trend.chandelier_exit", 3, 2, 2, chandelierExit),
  TAGRID_KERNEL("trend.ichimoku", 3, 4, 5, ichimoku),
  TAGRID_KERNEL("trend.vortex", 3, 1, 2, vortex),
};

}  // namespace tagrid
