// What several trend indicators share: Wilder's directional system (ADX,
// ADXR) and TA-Lib's ATR advanced bar by bar (Keltner, Supertrend, Chandelier).
#pragma once
#include "../primitives.h"

namespace tagrid::trend {

// TA-Lib's one-bar directional movement, from bar 1 on: the larger move
// outside the previous bar's range counts, equal moves count for neither side.
inline void directionalMove(double prevHigh, double prevLow, double high, double low, double& plusDM, double& minusDM) {
  const double up = high - prevHigh, down = prevLow - low;
  plusDM = up > 0.0 && up > down ? up : 0.0;
  minusDM = down > 0.0 && down > up ? down : 0.0;
}

inline void directionalMoves(const double* high, const double* low, int64_t T, double* plusDM, double* minusDM) {
  for (int64_t t = 1; t < T; ++t) directionalMove(high[t - 1], low[t - 1], high[t], low[t], plusDM[t], minusDM[t]);
}

// Wilder's running sum, as TA-Lib smooths DM and TR: S - S/n + x.
inline double wilderSumStep(double prev, double x, double n) { return prev - prev / n + x; }

// TA-Lib's PLUS_DI, MINUS_DI, DX, ADX and ADXR in its operation order. The
// sums of DM and TR are seeded with bars s+1 .. s+n-1 and smoothed from bar
// s+n, where the DIs and DX start; the ADX is the mean of the first n DX, then
// Wilder's average. DX is undefined where TR or +DI + -DI vanish: TA-Lib then
// repeats the last DX (0 at first) and leaves the ADX unchanged.
// Optional axes, by param index (-1: absent): adxWindow, the bars m of the
// DX smoothing, 0 for window; seed: 'first' seeds the sums on bar s with n
// times its values (+DM = -DM = 0, TR = high - low, so they are n times
// pandas' ewm(alpha=1/n, adjust=False) averages), has the DIs and DX from bar
// s and the ADX from bar s+1, seeded with its DX; zero (zero_denominator):
// 'nan' writes NaN for the DIs where TR vanishes and for DX and ADX where DX
// is undefined, at that bar only (the sums and the ADX go on as TA-Lib's).
// Outputs: adx, plus_di, minus_di, dx (trend.adx) or adxr (trend.adxr).
// scratch: +DM, -DM and TR (3T); ADXR adds a ring of recent ADX per block lane.
inline int64_t directionalScratch(int64_t T, int64_t W, bool adxr) { return 3 * T + (adxr ? kBlock * windowCapacity(T, W) : 0); }

struct DirectionalParams {
  int adxWindow, seed, zero;
};

// Kernel state of ADX (per variant, kDirectionalState numbers): the Wilder
// sums of TR, +DM and -DM (their seeds so far, summed in order, while
// seeding), the last DX, the ADX (the sum of its first DX while it starts),
// the run's age at its last bar (-1 after a NaN bar, the rest then left as
// the run ended) and the last bar's high, low and close. A call whose bar 0
// is valid continues the run; its bar 0's moves and true range are from the
// state's last bar (the same in every variant: one run of the inputs).
// ADXR's state adds, after those, its ring of the last `window` ADX (the
// ADX of age a in slot a mod window, slots a run has not reached yet left
// from the runs before), at a stride of 9 + the grid's longest window
// (stateStride): a call with state steps the rings in its stateOut.
constexpr int kDirectionalState = 9;

template <bool Adxr, typename Out>
int32_t directionalSystem(const KernelCall& c, const OutView<Out>& out, DirectionalParams p) {
  const bool state = c.stateIn || c.stateOut;
  const int64_t W = callWindow(c, {0});
  const int64_t S = Adxr && state ? stateStride(c) : kDirectionalState;
  if (state && (!c.stateIn || c.stateLen < S * c.v1 || (Adxr && (!c.stateOut || S < kDirectionalState + W)))) return kBadParam;
  if (c.scratchLen < directionalScratch(c.T, W, Adxr)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  double* plusDM = c.scratch;
  double* minusDM = plusDM + c.T;
  double* tr = minusDM + c.T;
  double* history = tr + c.T;
  const int64_t ring = windowCapacity(c.T, W);
  directionalMoves(c.in[0], c.in[1], c.T, plusDM, minusDM);
  trueRanges(c.in[0], c.in[1], c.in[2], c.T, tr);
  // The run's first bar: before the call when bar 0 continues the state's run.
  const int64_t carried = carriedRun(c, S, 5, 3);
  if (carried > 0) {
    const double* last = c.stateIn + S * c.v0;
    directionalMove(last[6], last[7], c.in[0][0], c.in[1][0], plusDM[0], minusDM[0]);
    tr[0] = trueRange(c.in[0][0], c.in[1][0], last[8]);
  }
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    // ADXR's rings: in scratch, or with state the ones in stateOut (the state's to begin with).
    double* lanes[kBlock];
    for (int j = 0; j < nb; ++j) lanes[j] = Adxr && state ? c.stateOut + S * (b0 + j) + kDirectionalState : history + j * ring;
    if (c.stateOut) leaveRun(c, S, 5, 3, b0, nb);
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        double sTR[kBlock], sPlus[kBlock], sMinus[kBlock], dx[kBlock], adx[kBlock], m[kBlock];
        int64_t from[kBlock], adxFrom[kBlock];
        bool seedFirst[kBlock], zeroNaN[kBlock];
        const int64_t start = s == 0 ? -carried : s;
        for (int j = 0; j < nb; ++j) {
          const int64_t n = static_cast<int64_t>(window[b0 + j]);
          seedFirst[j] = p.seed >= 0 && seedsFirst(c, p.seed, b0 + j);
          zeroNaN[j] = p.zero >= 0 && std::isnan(zeroDenominator(c, p.zero, b0 + j, 0.0));
          m[j] = p.adxWindow >= 0 && c.param[p.adxWindow][b0 + j] > 0.0 ? c.param[p.adxWindow][b0 + j] : window[b0 + j];
          from[j] = seedFirst[j] ? start : start + n;
          adxFrom[j] = seedFirst[j] ? start + 1 : from[j] + static_cast<int64_t>(m[j]) - 1;
          if (start < s) {
            const double* in = c.stateIn + S * (b0 + j);
            sTR[j] = in[0], sPlus[j] = in[1], sMinus[j] = in[2], dx[j] = in[3], adx[j] = in[4];
            continue;
          }
          // The seeds: n times the first bar's values, or ages 1 .. n-1 summed in order below.
          sTR[j] = seedFirst[j] ? window[b0 + j] * (c.in[0][s] - c.in[1][s]) : 0.0;
          sPlus[j] = 0.0;
          sMinus[j] = 0.0;
          dx[j] = 0.0;
          adx[j] = 0.0;  // sums the first m DX until the ADX starts
        }
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const double n = window[b0 + j];
            const int64_t w = static_cast<int64_t>(n);
            if (t < from[j]) {
              if (t > start) {
                sTR[j] += tr[t];
                sPlus[j] += plusDM[t];
                sMinus[j] += minusDM[t];
              }
              out.putNaNAll(t, b0 + j, 1);
              continue;
            }
            if (t > start || !seedFirst[j]) {  // seeding with the first bar, its values are the seed
              sTR[j] = wilderSumStep(sTR[j], tr[t], n);
              sPlus[j] = wilderSumStep(sPlus[j], plusDM[t], n);
              sMinus[j] = wilderSumStep(sMinus[j], minusDM[t], n);
            }
            const bool flat = nearZero(sTR[j]);
            const double plusDI = flat ? 0.0 : 100.0 * (sPlus[j] / sTR[j]);
            const double minusDI = flat ? 0.0 : 100.0 * (sMinus[j] / sTR[j]);
            const double sum = minusDI + plusDI;
            const bool defined = !flat && !nearZero(sum);
            const double x = defined ? 100.0 * (std::fabs(minusDI - plusDI) / sum) : 0.0;
            if (defined) dx[j] = x;
            if (t < adxFrom[j]) adx[j] += x;  // an undefined DX adds nothing
            else if (t == adxFrom[j]) adx[j] = seedFirst[j] ? x : (adx[j] + x) / m[j];
            else if (defined) adx[j] = wilderStep(adx[j], x, m[j]);
            if constexpr (Adxr) {
              // ADXR averages the ADX with the one n-1 bars back, kept in slot age mod n.
              double* lane = lanes[j];
              const int64_t age = t - start;
              double v = kNaN;
              if (t >= adxFrom[j]) {
                if (t >= adxFrom[j] + w - 1) v = (adx[j] + lane[(age + 1) % w]) / 2.0;
                lane[age % w] = adx[j];
              }
              out.put(0, t, b0 + j, v);
            } else {
              const bool blankDI = zeroNaN[j] && flat, blankDX = zeroNaN[j] && !defined;
              out.put(0, t, b0 + j, t >= adxFrom[j] && !blankDX ? adx[j] : kNaN);
              out.put(1, t, b0 + j, blankDI ? kNaN : plusDI);
              out.put(2, t, b0 + j, blankDI ? kNaN : minusDI);
              out.put(3, t, b0 + j, blankDX ? kNaN : dx[j]);
            }
          }
        }
        if (!c.stateOut) return;
        for (int j = 0; j < nb; ++j) {
          double* to = c.stateOut + S * (b0 + j);
          to[0] = sTR[j], to[1] = sPlus[j], to[2] = sMinus[j], to[3] = dx[j], to[4] = adx[j];
          to[5] = e == c.T ? static_cast<double>(e - 1 - start) : -1.0;
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// ATR-banded indicators. Each keeps TA-Lib's ATR per variant: the mean of the
// true ranges of bars s+1 .. s+n at bar s+n, then Wilder's smoothing; or,
// with seed 'first' (seedFirst), bar s's high - low at bar s, as volatility.atr.

// Advances the ATR of a segment starting at s to bar t: t >= s + n, or t >= s
// seeding from the first bar (firstRange: bar s's high - low).
inline void atrAdvance(double& atr, const double* tr, int64_t s, int64_t t, double n, bool seedFirst = false, double firstRange = 0.0) {
  const int64_t w = static_cast<int64_t>(n);
  if (seedFirst) atr = t == s ? firstRange : wilderStep(atr, tr[t], n);
  else atr = t == s + w ? sumRange(tr, s + 1, w) / n : wilderStep(atr, tr[t], n);
}

// TA-Lib's SAR (PSAR, SAREXT). A long SAR may not rise into the range of the
// previous or the current bar, a short one may not fall into it.
inline double belowBars(double sar, double prevLow, double low) {
  if (sar > prevLow) sar = prevLow;
  if (sar > low) sar = low;
  return sar;
}

inline double aboveBars(double sar, double prevHigh, double high) {
  if (sar < prevHigh) sar = prevHigh;
  if (sar < high) sar = high;
  return sar;
}

// A variant's accelerations: the start on a reversal, the step on each new
// extreme point and the maximum, for the long and for the short side.
struct SarAccelerations {
  double initLong, stepLong, maxLong, initShort, stepShort, maxShort;
};

struct SarLane {
  double sar, ep, afLong, afShort;
  bool isLong;

  // One bar in TA-Lib's order: report the SAR (on a reversal, the extreme
  // point pushed away from the price by offset), update the extreme point
  // and acceleration, then step the SAR. Returns the SAR reported at the
  // bar, unsigned; isLong is then that bar's trend.
  double bar(double prevHigh, double prevLow, double high, double low, double offset, const SarAccelerations& a) {
    double reported;
    if (isLong) {
      if (low <= sar) {
        isLong = false;
        reported = aboveBars(ep, prevHigh, high);
        if (offset != 0.0) reported += reported * offset;
        afShort = a.initShort;
        ep = low;
        sar = aboveBars(reported + afShort * (ep - reported), prevHigh, high);
      } else {
        reported = sar;
        if (high > ep) { ep = high; afLong = std::min(afLong + a.stepLong, a.maxLong); }
        sar = belowBars(sar + afLong * (ep - sar), prevLow, low);
      }
    } else {
      if (high >= sar) {
        isLong = true;
        reported = belowBars(ep, prevLow, low);
        if (offset != 0.0) reported -= reported * offset;
        afLong = a.initLong;
        ep = high;
        sar = belowBars(reported + afLong * (ep - reported), prevLow, low);
      } else {
        reported = sar;
        if (low < ep) { ep = low; afShort = std::min(afShort + a.stepShort, a.maxShort); }
        sar = aboveBars(sar + afShort * (ep - sar), prevHigh, high);
      }
    }
    return reported;
  }
};

// Kernel state of PSAR and SAREXT (per variant, kSarState numbers): the
// SarLane (sar, extreme point, long and short accelerations, 1 when long),
// then the run's age at its last bar (-1 after a NaN bar, the lane left as
// the last run that started one ended) and the last bar's high and low. A
// call whose bar 0 is valid continues the run: at age 0 bar 0 starts the
// lane from the state's bar, later it steps the lane with that bar as the
// previous one.
constexpr int kSarState = 8;

// The SAR of every variant stepped over the runs of valid high and low, as
// TA-Lib: a run's first bar only seeds, its second starts the lane (start(v,
// firstHigh, firstLow, high, low, acc) for the first trend and SAR) and is its
// own previous bar, each bar reported by emit(t, v, sar, isLong). setup(v,
// acc, offset) gives a variant's accelerations and offset on reversal.
template <typename Out, typename Setup, typename Start, typename Emit>
int32_t sarSystem(const KernelCall& c, const OutView<Out>& out, Setup&& setup, Start&& start, Emit&& emit) {
  constexpr int S = kSarState;
  if ((c.stateIn || c.stateOut) && (!c.stateIn || c.stateLen < S * c.v1)) return kBadParam;
  const double *high = c.in[0], *low = c.in[1];
  // The run's age at the bar before the call when bar 0 continues it (-1: bar 0 starts a run).
  const int64_t carried = c.stateIn && c.T > 0 && validAt(c.in, 2, 0) ? static_cast<int64_t>(c.stateIn[S * c.v0 + 5]) : -1;
  forEachBlock(c, [&](int64_t b0, int nb) {
    if (c.stateOut && c.T > 0) leaveRun(c, S, 5, 2, b0, nb);
    forEachSegment(c.in, 2, c.T,
      [&](int64_t s, int64_t e) {
        const bool carry = s == 0 && carried >= 0;
        if (!carry) out.putNaNAll(s, b0, nb);
        if (!carry && e - s < 2) {
          // A run of one bar: its age, the lanes left as they were.
          if (c.stateOut && e == c.T)
            for (int j = 0; j < nb; ++j) c.stateOut[S * (b0 + j) + 5] = 0.0;
          return;
        }
        SarLane lane[kBlock];
        SarAccelerations acc[kBlock];
        double offset[kBlock];
        // Bar t of the run's second or later bar; (h0, l0) the bar before it.
        int64_t t = carry ? 0 : s + 1;
        const double* last = c.stateIn + S * b0;
        const double h0 = carry ? last[6] : high[s], l0 = carry ? last[7] : low[s];
        const bool starts = !carry || carried == 0;
        for (int j = 0; j < nb; ++j) {
          setup(b0 + j, acc[j], offset[j]);
          if (starts) {
            lane[j] = start(b0 + j, h0, l0, high[t], low[t], acc[j]);
          } else {
            const double* in = c.stateIn + S * (b0 + j);
            lane[j] = {in[0], in[1], in[2], in[3], in[4] != 0.0};
          }
        }
        // TA-Lib's first bar is its own previous bar.
        const double ph = starts ? high[t] : h0, pl = starts ? low[t] : l0;
        for (int j = 0; j < nb; ++j) {
          const double sar = lane[j].bar(ph, pl, high[t], low[t], offset[j], acc[j]);
          emit(t, b0 + j, sar, lane[j].isLong);
        }
        for (++t; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const double sar = lane[j].bar(high[t - 1], low[t - 1], high[t], low[t], offset[j], acc[j]);
            emit(t, b0 + j, sar, lane[j].isLong);
          }
        }
        if (!c.stateOut) return;
        const int64_t first = carry ? -carried - 1 : s;
        for (int j = 0; j < nb; ++j) {
          double* to = c.stateOut + S * (b0 + j);
          to[0] = lane[j].sar, to[1] = lane[j].ep, to[2] = lane[j].afLong, to[3] = lane[j].afShort, to[4] = lane[j].isLong ? 1.0 : 0.0;
          if (e == c.T) to[5] = static_cast<double>(e - 1 - first);
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::trend
