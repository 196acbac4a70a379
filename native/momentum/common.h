// What several momentum indicators share: lags (MOM, ROC), Wilder gains and
// losses (RSI, CMO), spreads of EMAs (MACD, PPO, APO), %K and %D over
// rolling ranges (STOCH, STOCHF, STOCHRSI, WILLR, Fisher).
#pragma once
#include <algorithm>
#include <cmath>
#include <utility>
#include "../matype.h"
#include "../primitives.h"
#include "../trend/common.h"

namespace tagrid::momentum {

// MOM and the rates of change: x[t] - x[t-n] (MOM), that times scale (ROC,
// ROCP), or x[t] times scale (ROCR, ROCR100), scale = unit / x[t-n].
enum class Lag { kDifference, kChange, kRatio };

template <Lag K>
inline double lagValue(double xt, double past, double scale) {
  return K == Lag::kDifference ? xt - past : K == Lag::kChange ? (xt - past) * scale : xt * scale;
}

// Earlier-bar operands, forward and reversed (rev[i] = fwd[T-1-i]): for a
// range of windows the earlier values of one bar are a run read backward,
// which the reversed copies turn into a forward run.
struct LagInputs {
  const double *x, *scale, *xRev, *scaleRev;
  int64_t T;
};

// One time-major row of the block, any lags (a gather).
template <Lag K, typename Out>
inline void lagRow(Out* __restrict row, const LagInputs& in, const int64_t* __restrict lag, int nb, int64_t t) {
  const double xt = in.x[t];
  for (int j = 0; j < nb; ++j) row[j] = static_cast<Out>(lagValue<K>(xt, in.x[t - lag[j]], K != Lag::kDifference ? in.scale[t - lag[j]] : 0.0));
}

// One time-major row when lag[j] = lag[0] + j.
template <Lag K, typename Out>
inline void lagRowRange(Out* __restrict row, const LagInputs& in, int64_t lag0, int nb, int64_t t) {
  const double xt = in.x[t];
  const double* __restrict past = in.xRev + (in.T - 1 - (t - lag0));
  const double* __restrict scale = K != Lag::kDifference ? in.scaleRev + (in.T - 1 - (t - lag0)) : nullptr;
  for (int j = 0; j < nb; ++j) row[j] = static_cast<Out>(lagValue<K>(xt, past[j], K != Lag::kDifference ? scale[j] : 0.0));
}

// One variant-major run [from, e) of one lag.
template <Lag K, typename Out>
inline void lagRun(Out* __restrict o, const LagInputs& in, int64_t lag, int64_t from, int64_t e) {
  const double* __restrict x = in.x;
  const double* __restrict scale = in.scale;
  for (int64_t t = from; t < e; ++t) o[t] = static_cast<Out>(lagValue<K>(x[t], x[t - lag], K != Lag::kDifference ? scale[t - lag] : 0.0));
}

// The rates' zero_denominator (param `zero`, -1: none): 'nan' overwrites
// TA-Lib's 0 with NaN where x[t-lag] is 0, a second pass over the run, as
// zero prices are rare and the first pass stays one kernel for all variants.
template <typename Out>
inline void blankZeroPast(const KernelCall& c, const OutView<Out>& out, int zero, const double* x, const int64_t* lag, int64_t b0, int nb, int64_t s, int64_t e) {
  if (zero < 0) return;
  for (int j = 0; j < nb; ++j) {
    if (!std::isnan(zeroDenominator(c, zero, b0 + j, 0.0))) continue;
    for (int64_t t = s + lag[j]; t < e; ++t)
      if (x[t - lag[j]] == 0.0) out.put(0, t, b0 + j, kNaN);
  }
}

// Stateless, so the loop order follows the layout: time-major writes one row
// of the block per bar, variant-major one contiguous run per variant; bars
// past every lag of the block skip the warm-up test. Either way the cost
// stays close to that of writing the output.
template <Lag K, typename Out>
void lagged(const KernelCall& c, const OutView<Out>& out, const LagInputs& in, int zero = -1) {
  Out* const dst = out.ptr[0];
  if (!dst) return;
  const int64_t ts = out.timeStride, vs = out.variantStride;
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t lag[kBlock], maxLag = 0;
    bool range = true;
    for (int j = 0; j < nb; ++j) {
      lag[j] = static_cast<int64_t>(window[b0 + j]);
      maxLag = std::max(maxLag, lag[j]);
      range = range && lag[j] == lag[0] + j;
    }
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        if (ts == 1) {
          for (int j = 0; j < nb; ++j) {
            out.written(e - s);  // writes bypass put(): count them for the cancel check
            Out* o = dst + (b0 + j) * vs;
            const int64_t from = std::min(s + lag[j], e);
            for (int64_t t = s; t < from; ++t) o[t] = static_cast<Out>(kNaN);
            lagRun<K>(o, in, lag[j], from, e);
          }
          blankZeroPast(c, out, zero, in.x, lag, b0, nb, s, e);
          return;
        }
        for (int64_t t = s; t < e; ++t) {
          out.written(nb);
          Out* row = dst + t * ts + b0;  // time-major: vs == 1
          if (t - s < maxLag) {
            for (int j = 0; j < nb; ++j)
              row[j] = static_cast<Out>(t - s >= lag[j] ? lagValue<K>(in.x[t], in.x[t - lag[j]], K != Lag::kDifference ? in.scale[t - lag[j]] : 0.0) : kNaN);
          } else if (range) {
            lagRowRange<K>(row, in, lag[0], nb, t);
          } else {
            lagRow<K>(row, in, lag, nb, t);
          }
        }
        blankZeroPast(c, out, zero, in.x, lag, b0, nb, s, e);
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
}

// TA-Lib ROC (unit 100, kChange), ROCP (1, kChange), ROCR (1, kRatio) and
// ROCR100 (100, kRatio): the scaled reciprocals unit / x are taken once per
// call, so the grid costs no division; 0 where x[t-n] is 0, as TA-Lib (NaN
// with zero_denominator 'nan', param 1). Equal
// values give exactly 0 change; elsewhere the product differs from TA-Lib's
// quotient by its rounding, ~1e-16 relative. scratch: scale, reversed x and
// scale (3T)
inline int64_t rateScratch(int64_t T) { return 3 * T; }

template <Lag K, typename Out>
int32_t rate(const KernelCall& c, const OutView<Out>& out, double unit) {
  if (c.scratchLen < rateScratch(c.T)) return kScratchTooSmall;
  const double* x = c.in[0];
  double *scale = c.scratch, *xRev = scale + c.T, *scaleRev = xRev + c.T;
  for (int64_t t = 0; t < c.T; ++t) scale[t] = x[t] != 0.0 ? unit / x[t] : 0.0;
  reversed(x, c.T, xRev);
  reversed(scale, c.T, scaleRev);
  lagged<K>(c, out, LagInputs{x, scale, xRev, scaleRev, c.T}, 1);
  return kOk;
}

// Wilder averages of the gains and losses of x (RSI, CMO), TA-Lib's seeding:
// at bar n, the means over bars 1..n (seed 'first', param seedParam: at bar 1,
// the gain and loss of bar 1). Gains and losses are computed once per call
// for every window. Where both averages are ~0 (a flat run), value() gives
// TA-Lib's number, or NaN by the zero_denominator param (zeroParam).
// Kernel state (per variant, kGainLossState numbers): the two averages (their
// running sums, in order, while seeding), the run's last value and its age at
// its last bar (bars since its first; -1 after a NaN bar, the rest then
// left as the run ended). A call whose bar 0 is valid continues the run.
// scratch: gain (T) + loss (T)
inline int64_t gainLossScratch(int64_t T) { return 2 * T; }
constexpr int kGainLossState = 4;

template <typename Out, typename Value>
int32_t gainLoss(const KernelCall& c, const OutView<Out>& out, Value value, int seedParam, int zeroParam) {
  if (c.scratchLen < gainLossScratch(c.T)) return kScratchTooSmall;
  if ((c.stateIn || c.stateOut) && (!c.stateIn || c.stateLen < kGainLossState * c.v1)) return kBadParam;
  const double* x = c.in[0];
  double* gain = c.scratch;
  double* loss = c.scratch + c.T;
  for (int64_t t = 1; t < c.T; ++t) {
    const double d = x[t] - x[t - 1];
    gain[t] = d > 0.0 ? d : 0.0;
    loss[t] = d < 0.0 ? -d : 0.0;
  }
  // The run the state stands in, continued by a valid bar 0: its age at bar -1, and bar 0's gain and loss.
  int64_t age0 = -1;
  if (c.stateIn && c.T > 0 && validAt(c.in, 1, 0)) {
    const double* in = c.stateIn + kGainLossState * c.v0;  // the same run in every variant
    age0 = static_cast<int64_t>(in[3]);
    const double d = x[0] - in[2];
    gain[0] = d > 0.0 ? d : 0.0;
    loss[0] = d < 0.0 ? -d : 0.0;
  }
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    if (c.stateOut) {
      std::copy(c.stateIn + kGainLossState * b0, c.stateIn + kGainLossState * (b0 + nb), c.stateOut + kGainLossState * b0);
      for (int j = 0; j < nb; ++j) c.stateOut[kGainLossState * (b0 + j) + 3] = -1.0;
    }
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        const int64_t start = s == 0 ? -(age0 + 1) : s;  // the run's first bar
        const int64_t first = std::max(start + 1, s);     // its first gain in this call
        double avgGain[kBlock], avgLoss[kBlock], fromGain[kBlock], fromLoss[kBlock];
        int64_t seedAt[kBlock];
        for (int j = 0; j < nb; ++j) {
          const double m = seedsFirst(c, seedParam, b0 + j) ? 1.0 : window[b0 + j];  // bars averaged into the seed
          seedAt[j] = start + static_cast<int64_t>(m);
          const double* in = start < s ? c.stateIn + kGainLossState * (b0 + j) : nullptr;
          fromGain[j] = in ? in[0] : 0.0;  // the averages, or the sums so far, at bar s - 1
          fromLoss[j] = in ? in[1] : 0.0;
          if (seedAt[j] < s) {
            avgGain[j] = fromGain[j];
            avgLoss[j] = fromLoss[j];
            continue;
          }
          const bool seeded = seedAt[j] < e;
          avgGain[j] = seeded ? sumOnto(fromGain[j], gain, first, seedAt[j] + 1 - first) / m : kNaN;
          avgLoss[j] = seeded ? sumOnto(fromLoss[j], loss, first, seedAt[j] + 1 - first) / m : kNaN;
        }
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            if (t > seedAt[j]) {
              const double n = window[b0 + j];
              avgGain[j] = wilderStep(avgGain[j], gain[t], n);
              avgLoss[j] = wilderStep(avgLoss[j], loss[t], n);
            }
            double v = kNaN;
            if (t >= seedAt[j]) {
              v = value(avgGain[j], avgLoss[j]);
              if (nearZero(avgGain[j] + avgLoss[j])) v = zeroDenominator(c, zeroParam, b0 + j, v);
            }
            out.put(0, t, b0 + j, v);
          }
        }
        if (!c.stateOut) return;
        for (int j = 0; j < nb; ++j) {
          double* to = c.stateOut + kGainLossState * (b0 + j);
          const bool seeded = seedAt[j] < e;
          to[0] = seeded ? avgGain[j] : sumOnto(fromGain[j], gain, first, e - first);
          to[1] = seeded ? avgLoss[j] : sumOnto(fromLoss[j], loss, first, e - first);
          to[2] = x[e - 1];
          to[3] = e == c.T ? static_cast<double>(e - 1 - start) : -1.0;
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// A line made of a fast and a slow EMA of x (param 0, 1; swapped when fast >
// slow, as TA-Lib does), optionally with a signal EMA of the line (param 2)
// and the histogram line - signal. TA-Lib's MACD seeds the fast EMA on the
// slow EMA's first bar, with the mean of the `fast` values ending there, and
// emits all three outputs from the signal's first bar; APO and PPO seed each
// EMA on its own and emit the line from the slow EMA's first bar. Seed
// 'first' starts every EMA on the run's first bar (pandas, TradingView).
// MACDFIX is MACD over 12 and 26 bars with TA-Lib's fixed factors 0.15 and
// 0.075 (not 2/13 and 2/27); its only param is the signal window.
struct SpreadStyle {
  bool macd;          // MACD's fast-EMA alignment and common first bar
  bool signal;        // outputs line, signal, hist (else line only)
  int seedParam;      // index of the `seed` param (-1: none, seeded like TA-Lib)
  bool fixed = false; // MACDFIX: fast 12 (k 0.15), slow 26 (k 0.075), signal is param 0
  int zeroParam = -1; // PPO's `zero_denominator`: 'nan' blanks every output where the slow EMA is ~0
  int maParam = -1;   // APO's and PPO's `matype`: only its 'ema' variants are run here (the rest are maSpread's)
  int maParamCount = 1;    // MACDEXT: params maParam.. maParam + 2 must all be 'ema'
  bool copyAtOne = false;  // MACDEXT: a signal window of 1 is the line itself (TA-Lib's TA_MA copies for a period of 1)
};

// Whether variant v runs in emaSpread: every MA-type param of the style is 'ema'.
inline bool spreadsEma(const KernelCall& c, const SpreadStyle& style, int64_t v) {
  for (int p = style.maParam; p >= 0 && p < style.maParam + style.maParamCount; ++p)
    if (matype::code(c.param[p][v]) != matype::kEma) return false;
  return true;
}

// Kernel state (per variant, kSpreadState numbers): the (value, count) of
// the fast, slow and signal EmaStreams, and the age of the run at its last
// bar (-1 after a NaN bar, the rest then left as the run ended); the signal's
// pair stays (0, 0) without a signal. A call whose bar 0 is valid continues
// the run (the fast EMA's start counted from the run's first bar).
constexpr int kSpreadState = 7;

// A grid with variants of other MA types (laneSpread) lays each variant's
// part out at a stride (stateStride), kSpreadState numbers first.
template <typename Out, typename Line>
int32_t emaSpread(const KernelCall& c, const OutView<Out>& out, SpreadStyle style, Line line) {
  if ((c.stateIn || c.stateOut) && (!c.stateIn || stateStride(c) < kSpreadState)) return kBadParam;
  const int64_t S = c.stateIn ? stateStride(c) : kSpreadState;
  const double* x = c.in[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    if (c.stateOut) {
      std::copy(c.stateIn + S * b0, c.stateIn + S * (b0 + nb), c.stateOut + S * b0);
      for (int j = 0; j < nb; ++j) c.stateOut[S * (b0 + j) + 6] = -1.0;
    }
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        // The run's first bar: before the call when bar 0 continues the state's run.
        const int64_t start = s == 0 && c.stateIn ? -(static_cast<int64_t>(c.stateIn[S * b0 + 6]) + 1) : s;
        EmaStream fast[kBlock], slow[kBlock], signal[kBlock];
        int64_t fastFrom[kBlock];
        bool copy[kBlock];
        int lanes[kBlock], n = 0;  // the block's variants run here
        for (int j = 0; j < nb; ++j) {
          if (!spreadsEma(c, style, b0 + j)) continue;
          lanes[n++] = j;
          double f = style.fixed ? 12.0 : c.param[0][b0 + j], sl = style.fixed ? 26.0 : c.param[1][b0 + j];
          if (f > sl) std::swap(f, sl);
          const bool first = style.seedParam >= 0 && seedsFirst(c, style.seedParam, b0 + j);
          fast[j].reset(f, first);
          slow[j].reset(sl, first);
          if (style.fixed) {
            fast[j].k = 0.15;
            slow[j].k = 0.075;
          }
          if (style.signal) signal[j].reset(c.param[style.fixed ? 0 : 2][b0 + j], first);
          copy[j] = style.copyAtOne && c.param[2][b0 + j] == 1.0;
          fastFrom[j] = style.macd && !first ? start + static_cast<int64_t>(sl - f) : start;
          if (start < s) {
            const double* in = c.stateIn + S * (b0 + j);
            EmaStream* lane[3] = {&fast[j], &slow[j], &signal[j]};
            for (int i = 0; i < (style.signal ? 3 : 2); ++i) {
              lane[i]->value = in[2 * i];
              lane[i]->count = static_cast<int64_t>(in[2 * i + 1]);
            }
          }
        }
        for (int64_t t = s; t < e; ++t) {
          const double xt = x[t];
          for (int k = 0; k < n; ++k) {
            const int j = lanes[k];
            if (t >= fastFrom[j]) fast[j].push(xt);
            if (!slow[j].push(xt)) {
              out.putNaNAll(t, b0 + j, 1);
              continue;
            }
            const double v = line(fast[j].value, slow[j].value);
            // The signal still takes TA-Lib's 0; only this bar's outputs are blank.
            const bool blank = style.zeroParam >= 0 && nearZero(slow[j].value) && std::isnan(zeroDenominator(c, style.zeroParam, b0 + j, 0.0));
            if (!style.signal) {
              out.put(0, t, b0 + j, blank ? kNaN : v);
              continue;
            }
            if (copy[j]) signal[j].value = v;
            const bool hasSignal = copy[j] || signal[j].push(v);
            const double sig = hasSignal && !blank ? signal[j].value : kNaN;
            out.put(0, t, b0 + j, (hasSignal || !style.macd) && !blank ? v : kNaN);
            out.put(1, t, b0 + j, sig);
            out.put(2, t, b0 + j, blank ? kNaN : v - sig);
          }
        }
        if (!c.stateOut) return;
        for (int k = 0; k < n; ++k) {
          const int j = lanes[k];
          double* to = c.stateOut + S * (b0 + j);
          const EmaStream* lane[3] = {&fast[j], &slow[j], &signal[j]};
          for (int i = 0; i < 3; ++i) {
            const bool used = i < 2 || style.signal;
            to[2 * i] = used ? lane[i]->value : 0.0;
            to[2 * i + 1] = used ? static_cast<double>(lane[i]->count) : 0.0;
          }
          to[6] = e == c.T ? static_cast<double>(e - 1 - start) : -1.0;
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// The spreads' lines are function objects, not functions: passed as a
// pointer, a line was an out-of-line call per value in the hot loop.
struct EmaDifference {
  double operator()(double fast, double slow) const { return fast - slow; }
};
inline constexpr EmaDifference emaDifference{};


// APO and PPO with a TA-Lib MA type (param maParam) other than 'ema', the
// variants emaSpread (given the same maParam) leaves out: TA-Lib's TA_INT_PO, fast
// and slow TA_MA each over the whole run (started independently), the line
// from the later one's first value. fast > slow is swapped. With signalParam
// (PPO) also the signal EMA of the line (seeded by the seed param) and hist;
// zeroParam (PPO's zero_denominator) 'nan' blanks every output where the slow
// average is ~0, the signal still taking TA-Lib's 0, as emaSpread.
// The 'wma' variants with both windows up to kDenseWma run bar by bar from
// one diagonal of the source for the block (the values of matype::wma).
// scratch: fast, slow, work (T each)
inline int64_t maSpreadScratch(int64_t T) { return 3 * T; }

// One bar of a maSpread variant from its fast and slow averages: the line,
// and with a signal (PPO) the signal and hist.
template <typename Out, typename Line>
inline void putMaSpread(const OutView<Out>& out, int64_t t, int64_t v, double fast, double slow, Line line, bool blankZero, EmaStream* signal) {
  const double l = line(fast, slow);
  const bool blank = blankZero && nearZero(slow);
  out.put(0, t, v, blank ? kNaN : l);
  if (!signal) return;
  const double g = signal->push(l) && !blank ? signal->value : kNaN;
  out.put(1, t, v, g);
  out.put(2, t, v, blank ? kNaN : l - g);
}

// The variants of a spread with other MA types, from a stream's state
// (spreadsByType in src/stream/steppers/chains.ts): per variant, after
// emaSpread's kSpreadState numbers (the run's age at 6, the rest unused),
// the fast and the slow average's lanes (matype::Lane) and the signal's
// (MACDEXT: a lane; PPO: an EmaStream's value and count; APO: none). Each
// average starts at its bar of the run (fastFrom, slowFrom), the line at
// lineFrom, MACDEXT's three outputs at `on`. The lanes step in stateOut,
// which emaSpread's blocks fill with stateIn's numbers first.
struct LaneSpread {
  matype::Lane fast, slow, signal;
  int64_t fastFrom = 0, slowFrom = 0, lineFrom = 0, on = 0;
  bool ext = false;  // MACDEXT: the signal is a TA_MA lane
  double signalN = 0.0;  // PPO: the signal EMA's window (0: none), seeded from the first value with seedFirst
  bool seedFirst = false, blankZero = false;
  int64_t size() const { return fast.size() + slow.size() + (ext ? signal.size() : signalN > 0.0 ? 2 : 0); }
};

template <typename Out, typename Line>
void laneSpread(const KernelCall& c, const OutView<Out>& out, int64_t v, const LaneSpread& ls, Line line) {
  const int64_t S = stateStride(c);
  double* fast = c.stateOut + S * v + kSpreadState;
  double* slow = fast + ls.fast.size();
  double* signal = slow + ls.slow.size();
  const double* x = c.in[0];
  const double age0 = c.stateIn[S * v + 6];  // the age at bar -1 of the run bar 0 continues (-1: none)
  forEachSegment(c.in, 1, c.T,
    [&](int64_t s, int64_t e) {
      const int64_t start = s == 0 ? -(static_cast<int64_t>(age0) + 1) : s;
      if (start == s) std::fill(fast, fast + ls.size(), 0.0);
      EmaStream ema;
      if (ls.signalN > 0.0) {
        ema.reset(ls.signalN, ls.seedFirst);
        ema.value = signal[0];
        ema.count = static_cast<int64_t>(signal[1]);
      }
      for (int64_t t = s; t < e; ++t) {
        const int64_t age = t - start;
        const double fy = age >= ls.fastFrom ? ls.fast.push(fast, x[t]) : kNaN;
        const double sy = age >= ls.slowFrom ? ls.slow.push(slow, x[t]) : kNaN;
        if (age < ls.lineFrom) {
          out.putNaNAll(t, v, 1);
          continue;
        }
        const double l = line(fy, sy);
        if (ls.ext) {
          const double g = ls.signal.push(signal, l);
          const bool shown = age >= ls.on;
          out.put(0, t, v, shown ? l : kNaN);
          out.put(1, t, v, shown ? g : kNaN);
          out.put(2, t, v, shown ? l - g : kNaN);
          continue;
        }
        putMaSpread(out, t, v, fy, sy, line, ls.blankZero, ls.signalN > 0.0 ? &ema : nullptr);
      }
      if (ls.signalN > 0.0) {
        signal[0] = ema.value;
        signal[1] = static_cast<double>(ema.count);
      }
      c.stateOut[S * v + 6] = e == c.T ? static_cast<double>(e - 1 - start) : -1.0;
    },
    [&](int64_t t) { out.putNaNAll(t, v, 1); });
}

template <typename Out, typename Line>
int32_t maSpread(const KernelCall& c, const OutView<Out>& out, int maParam, Line line, int signalParam = -1, int seedParam = -1, int zeroParam = -1) {
  if (c.scratchLen < maSpreadScratch(c.T)) return kScratchTooSmall;
  // From a stream's state: the variants' lanes (laneSpread), each average from the run's first bar.
  auto lanesOf = [&](int64_t v) {
    const int type = matype::code(c.param[maParam][v]);
    int64_t f = static_cast<int64_t>(c.param[0][v]), sl = static_cast<int64_t>(c.param[1][v]);
    if (f > sl) std::swap(f, sl);
    LaneSpread ls;
    ls.fast = {type, f};
    ls.slow = {type, sl};
    ls.lineFrom = ls.on = std::max(matype::lookback(type, f), matype::lookback(type, sl));
    ls.signalN = signalParam >= 0 ? c.param[signalParam][v] : 0.0;
    ls.seedFirst = signalParam >= 0 && seedsFirst(c, seedParam, v);
    ls.blankZero = zeroParam >= 0 && std::isnan(zeroDenominator(c, zeroParam, v, 0.0));
    return ls;
  };
  if (c.stateIn) {
    for (int64_t v = c.v0; v < c.v1; ++v) {
      const int type = matype::code(c.param[maParam][v]);
      if (type == matype::kEma) continue;
      const LaneSpread ls = lanesOf(v);
      if (!c.stateOut || !matype::Lane::hasLane(type, ls.fast.n) || !matype::Lane::hasLane(type, ls.slow.n) || stateStride(c) < kSpreadState + ls.size()) return kBadParam;
    }
    for (int64_t v = c.v0; v < c.v1; ++v)
      if (matype::code(c.param[maParam][v]) != matype::kEma) laneSpread(c, out, v, lanesOf(v), line);
    return kOk;
  }
  double* fastMa = c.scratch;
  double* slowMa = fastMa + c.T;
  double* work = slowMa + c.T;
  const double* x = c.in[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t dense[kBlock], fastN[kBlock], slowN[kBlock];
    double fastScale[kBlock], slowScale[kBlock];
    bool blankZero[kBlock];
    EmaStream signal[kBlock];
    int count = 0;
    ma::WmaDiagonal diag;
    for (int64_t v = b0; v < b0 + nb; ++v) {
      const int type = matype::code(c.param[maParam][v]);
      if (type == matype::kEma) continue;
      int64_t f = static_cast<int64_t>(c.param[0][v]), sl = static_cast<int64_t>(c.param[1][v]);
      if (f > sl) std::swap(f, sl);
      const bool blank = zeroParam >= 0 && std::isnan(zeroDenominator(c, zeroParam, v, 0.0));
      if (matype::denseWma(type, sl)) {
        dense[count] = v;
        fastN[count] = f;
        slowN[count] = sl;
        fastScale[count] = matype::wmaScale(f);
        slowScale[count] = matype::wmaScale(sl);
        blankZero[count++] = blank;
        diag.depth = std::max(diag.depth, static_cast<int>(sl));
        continue;
      }
      const int64_t first = std::max(matype::lookback(type, f), matype::lookback(type, sl));
      forEachSegment(c.in, 1, c.T,
        [&](int64_t s, int64_t e) {
          matype::average(type, f, x, s, e, fastMa, work);
          matype::average(type, sl, x, s, e, slowMa, work);
          EmaStream signal;
          if (signalParam >= 0) signal.reset(c.param[signalParam][v], seedsFirst(c, seedParam, v));
          for (int64_t t = s; t < e; ++t) {
            if (t - s < first) out.putNaNAll(t, v, 1);
            else putMaSpread(out, t, v, fastMa[t], slowMa[t], line, blank, signalParam >= 0 ? &signal : nullptr);
          }
        },
        [&](int64_t t) { out.putNaNAll(t, v, 1); });
    }
    if (count == 0) return;
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        if (signalParam >= 0)
          for (int i = 0; i < count; ++i) signal[i].reset(c.param[signalParam][dense[i]], seedsFirst(c, seedParam, dense[i]));
        for (int64_t t = s; t < e; ++t) {
          diag.push(x[t]);
          for (int i = 0; i < count; ++i) {
            if (t - s < slowN[i] - 1) out.putNaNAll(t, dense[i], 1);
            else putMaSpread(out, t, dense[i], diag.sums[fastN[i]] * fastScale[i], diag.sums[slowN[i]] * slowScale[i], line, blankZero[i], signalParam >= 0 ? &signal[i] : nullptr);
          }
        }
      },
      [&](int64_t t) { for (int i = 0; i < count; ++i) out.putNaNAll(t, dense[i], 1); });
  });
  return kOk;
}

// TA-Lib PPO: 0 where the slow EMA is ~0.
struct EmaPercent {
  double operator()(double fast, double slow) const { return nearZero(slow) ? 0.0 : ((fast - slow) / slow) * 100.0; }
};
inline constexpr EmaPercent emaPercent{};

// TA-Lib's fast %K: where x sits in [lowest, highest], in percent; 0 when the
// range is empty.
inline double stochK(double x, double highest, double lowest) {
  const double diff = (highest - lowest) / 100.0;
  return diff != 0.0 ? (x - lowest) / diff : 0.0;
}

// Whether stochK's range is empty at this bar (its 0/0, TA-Lib's 0) and the
// variant's zero_denominator param p says 'nan'.
inline bool stochBlank(const KernelCall& c, int p, int64_t v, double highest, double lowest) {
  return (highest - lowest) / 100.0 == 0.0 && std::isnan(zeroDenominator(c, p, v, 0.0));
}

// Feeds k (when the %K line has a value at this bar) into the %D mean and
// writes k and d, both from %D's first bar on, as TA-Lib aligns them; blank
// (a 0/0 %K under zero_denominator 'nan') writes NaN for both at this bar
// only: the means still take TA-Lib's 0.
template <typename Out>
inline void putKD(const OutView<Out>& out, int64_t t, int64_t v, bool has, double k, RunningMean& dLine, bool blank) {
  const double d = has ? dLine.push(k) : kNaN;
  out.put(0, t, v, std::isnan(d) || blank ? kNaN : k);
  out.put(1, t, v, blank ? kNaN : d);
}

// The MA types of a %K/%D variant: params kType (slow %K; -1: none, an SMA)
// and dType (%D). Variants with both 'sma' take the running means; the others
// kdByType, one variant at a time.
struct KdTypes {
  int k = matype::kSma, d = matype::kSma;
  KdTypes(const KernelCall& c, int kType, int dType, int64_t v)
      : k(kType >= 0 ? matype::code(c.param[kType][v]) : matype::kSma), d(matype::code(c.param[dType][v])) {}
  bool sma() const { return k == matype::kSma && d == matype::kSma; }
  // The TA_MA lanes of a stream's state (matype::Lane), slow %K's then %D's.
  matype::Lane kLane(int64_t kn) const { return {k, kn}; }
  matype::Lane dLane(int64_t dn) const { return {d, dn}; }
  bool hasLanes(int64_t kn, int64_t dn) const { return matype::Lane::hasLane(k, kn) && matype::Lane::hasLane(d, dn); }
  int64_t lanesSize(int64_t kn, int64_t dn) const { return kLane(kn).size() + dLane(dn).size(); }
};

// kdByType's values from a stream's state: variant v's slow %K and %D lanes
// at s (KdTypes::kLane, dLane, one after the other) over bars [t0, e) of a
// valid run that began at bar `origin`, fast %K (fastK(t), `blank` at its
// bar under zero_denominator 'nan') from the k_window-th bar of the run on.
template <typename Out, typename FastK>
void kdByLanes(const OutView<Out>& out, int64_t v, KdTypes types, double* s, int64_t origin, int64_t t0, int64_t e, int64_t kw, int64_t kn, int64_t dn, FastK&& fastK) {
  const matype::Lane kl = types.kLane(kn), dl = types.dLane(dn);
  const int64_t kBack = matype::lookback(kl.type, kn), dBack = matype::lookback(dl.type, dn);
  for (int64_t t = t0; t < e; ++t) {
    const int64_t i = t - origin - (kw - 1);  // fast %K's number in the run
    if (i < 0) {
      out.put(0, t, v, kNaN);
      out.put(1, t, v, kNaN);
      continue;
    }
    bool blank = false;
    const double slow = kl.push(s, fastK(t, blank));
    const double d = i >= kBack ? dl.push(s + kl.size(), slow) : kNaN;
    const bool show = i >= kBack + dBack && !blank;
    out.put(0, t, v, show ? slow : kNaN);
    out.put(1, t, v, show ? d : kNaN);
  }
}

// %K and %D of one variant v with TA-Lib MA types, over the valid run [s, e).
// The caller fills fast %K and `flat` (1 where the bar's own %K range is
// empty) from bar `from` on, with fastKAt; fast %K (TA-Lib's temporary line)
// is averaged by TA_MA over kn bars into slow %K (kn 1: fast %K itself), slow
// %K from its first value over dn bars into %D, as TA-Lib STOCH / STOCHF do;
// k and d both start on %D's first bar. blankFlat (zero_denominator 'nan'):
// NaN for both at flat bars. area: fast %K, flat, slow %K, %D, work (T each)
inline int64_t kdByTypeScratch(int64_t T) { return 5 * T; }

inline void fastKAt(double* area, int64_t T, int64_t t, double x, double highest, double lowest) {
  area[t] = stochK(x, highest, lowest);
  area[T + t] = (highest - lowest) / 100.0 == 0.0 ? 1.0 : 0.0;
}

template <typename Out>
void kdByType(const OutView<Out>& out, int64_t v, KdTypes types, int64_t T, double* area, int64_t s, int64_t from, int64_t e, int64_t kn, int64_t dn, bool blankFlat) {
  const double* fastK = area;
  const double* flat = area + T;
  double* slowK = area + 2 * T;
  double* d = slowK + T;
  double* work = d + T;
  from = std::min(from, e);
  matype::average(types.k, kn, fastK, from, e, slowK, work);
  const int64_t dFrom = std::min(e, from + matype::lookback(types.k, kn));
  matype::average(types.d, dn, slowK, dFrom, e, d, work);
  const int64_t on = dFrom + matype::lookback(types.d, dn);
  for (int64_t t = s; t < e; ++t) {
    const bool show = t >= on && !(blankFlat && flat[t] != 0.0);
    out.put(0, t, v, show ? slowK[t] : kNaN);
    out.put(1, t, v, show ? d[t] : kNaN);
  }
}

// momentum.stoch and momentum.stochf: TA-Lib STOCH / STOCHF with SMA
// smoothing. inputs high, low, close. Fast %K over k_window (param 0), slow %K
// = its TA-Lib running SMA over param `smoothing` (none for STOCHF: an SMA over
// one bar is the value itself, bit for bit), %D = running SMA of that over
// param `dWindow`. k and d both start on %D's first bar. Param `zero` is the
// zero_denominator choice (NaN at bars whose own range is empty). Params
// kType (-1: none) and dType are the MA types (KdTypes); variants with one
// other than 'sma' go through kdByType after each block's run.
// Kernel state (per variant; docs/adding-an-indicator.md):
//   [stride, lead, age, slow %K's RunningMean state, %D's] ('sma' types)
//   [stride, lead, age, slow %K's TA_MA lane, %D's]       (others: kdByLanes)
// stride (the numbers per variant, the same in every variant) first, so the
// kernel finds each variant's part. The call's first `lead` bars are the
// bars before the state (lead >= k_window - 1: every channel reads its whole window
// from the call; lead >= both means' windows: their rings fit the call's) and `age` counts the valid bars of the run through bar
// lead - 1; the means go on from the state there. stateOut gets the means as
// the last run left them and that run's age at the last bar (0 after a gap).
// scratch: ranges + a slow %K and a %D ring per block slot + kdByType's
constexpr int64_t kStochasticHead = 3;
inline int64_t stochasticScratch(int64_t T, int64_t W) { return RollingRange::scratch(T) + 2 * kBlock * windowCapacity(T, W) + kdByTypeScratch(T); }

template <typename Out>
int32_t stochastic(const KernelCall& c, const OutView<Out>& out, int smoothing, int dWindow, int zero, int kType, int dType) {
  const int64_t W = smoothing >= 0 ? callWindow(c, {0, dWindow, smoothing}) : callWindow(c, {0, dWindow});
  if (c.scratchLen < stochasticScratch(c.T, W)) return kScratchTooSmall;
  if (!windowsFit(c, 0) || !windowsFit(c, dWindow) || (smoothing >= 0 && !windowsFit(c, smoothing))) return kBadParam;
  auto knOf = [&](int64_t v) { return smoothing >= 0 ? static_cast<int64_t>(c.param[smoothing][v]) : int64_t{1}; };
  auto dnOf = [&](int64_t v) { return static_cast<int64_t>(c.param[dWindow][v]); };
  // The state's stride, lead and age (see above), checked against every variant of the call.
  int64_t stride = 0, lead = 0, age = 0;
  if (c.stateIn || c.stateOut) {
    if (!c.stateIn || c.stateLen < kStochasticHead) return kBadParam;
    stride = static_cast<int64_t>(c.stateIn[0]);
    lead = static_cast<int64_t>(c.stateIn[1]);
    age = static_cast<int64_t>(c.stateIn[2]);
    if (!(lead >= 0 && lead < c.T && age >= 0 && stride > 0 && c.stateLen >= stride * c.v1)) return kBadParam;
    for (int64_t v = c.v0; v < c.v1; ++v) {
      const int64_t kn = knOf(v), dn = dnOf(v);
      const KdTypes types(c, kType, dType, v);
      if (lead < static_cast<int64_t>(c.param[0][v]) - 1 || lead < kn || lead < dn) return kBadParam;
      if (types.sma() ? stride < kStochasticHead + 2 * RunningMean::kStateHead + kn + dn
                      : !c.stateOut || !types.hasLanes(kn, dn) || stride < kStochasticHead + types.lanesSize(kn, dn)) return kBadParam;
    }
  }
  RollingRange range;
  range.build(c.in[0], c.in[1], c.T, W, c.scratch);
  const int64_t cap = windowCapacity(c.T, W);
  double* ringsK = c.scratch + RollingRange::scratch(c.T);
  double* ringsD = ringsK + kBlock * cap;
  double* byType = ringsD + kBlock * cap;
  const double* close = c.in[2];
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t kw[kBlock];
    RollingRange::Window win[kBlock];
    range.windows(c.param[0], b0, nb, kw, win);
    bool sma[kBlock];
    RunningMean slowK[kBlock], dLine[kBlock];
    for (int j = 0; j < nb; ++j) {
      sma[j] = KdTypes(c, kType, dType, b0 + j).sma();
      slowK[j].reset(ringsK + j * cap, knOf(b0 + j));
      dLine[j].reset(ringsD + j * cap, dnOf(b0 + j));
      if (!c.stateIn) continue;
      const double* in = c.stateIn + stride * (b0 + j) + kStochasticHead;
      slowK[j].load(in);
      dLine[j].load(in + RunningMean::kStateHead + slowK[j].n);
    }
    // The means as the last run left them, and its age at the last bar.
    // (The lanes of the other variants step in stateOut itself, copied from stateIn here.)
    auto keep = [&](int64_t lastAge) {
      for (int j = 0; j < nb; ++j) {
        double* to = c.stateOut + stride * (b0 + j);
        to[0] = static_cast<double>(stride);
        to[1] = static_cast<double>(lead);
        to[2] = static_cast<double>(lastAge);
        if (!sma[j]) continue;
        slowK[j].save(to + kStochasticHead);
        dLine[j].save(to + kStochasticHead + RunningMean::kStateHead + slowK[j].n);
      }
    };
    if (c.stateOut) {
      for (int j = 0; j < nb; ++j)
        if (!sma[j]) std::copy(c.stateIn + stride * (b0 + j), c.stateIn + stride * (b0 + j + 1), c.stateOut + stride * (b0 + j));
      keep(0);
    }
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        // With a state: bars before the lead are the stream's; a run over bar lead began `age` bars before it.
        if (c.stateIn && e <= lead) {
          for (int64_t t = s; t < e; ++t) out.putNaNAll(t, b0, nb);
          return;
        }
        const bool goesOn = c.stateIn && s < lead;
        const int64_t origin = goesOn ? lead - age : s, t0 = goesOn ? lead : s;
        for (int64_t t = s; t < t0; ++t) out.putNaNAll(t, b0, nb);
        if (!goesOn)
          for (int j = 0; j < nb; ++j) {
            slowK[j].reset(slowK[j].ring, slowK[j].n);
            dLine[j].reset(dLine[j].ring, dLine[j].n);
          }
        for (int64_t t = t0; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            if (!sma[j]) continue;
            double slow = kNaN;
            bool blank = false;
            if (t - origin >= kw[j] - 1) {
              const double hh = win[j].upper(t), ll = win[j].lower(t);
              slow = slowK[j].push(stochK(close[t], hh, ll));
              blank = stochBlank(c, zero, b0 + j, hh, ll);
            }
            putKD(out, t, b0 + j, !std::isnan(slow), slow, dLine[j], blank);
          }
        }
        if (c.stateOut) keep(e == c.T ? e - origin : 0);
        for (int j = 0; j < nb; ++j) {
          if (sma[j]) continue;
          const int64_t v = b0 + j, from = s + kw[j] - 1;
          if (c.stateIn) {
            const KdTypes types(c, kType, dType, v);
            double* lanes = c.stateOut + stride * v + kStochasticHead;
            if (!goesOn) std::fill(lanes, lanes + types.lanesSize(knOf(v), dnOf(v)), 0.0);
            kdByLanes(out, v, types, lanes, origin, t0, e, kw[j], knOf(v), dnOf(v), [&](int64_t t, bool& blank) {
              const double hh = win[j].upper(t), ll = win[j].lower(t);
              blank = stochBlank(c, zero, v, hh, ll);
              return stochK(close[t], hh, ll);
            });
            continue;
          }
          for (int64_t t = from; t < e; ++t) fastKAt(byType, c.T, t, close[t], win[j].upper(t), win[j].lower(t));
          kdByType(out, v, KdTypes(c, kType, dType, v), c.T, byType, s, from, e, knOf(v), dnOf(v),
                   std::isnan(zeroDenominator(c, zero, v, 0.0)));
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// PLUS_DM and MINUS_DM: TA-Lib's one-bar directional movement (from bar s+1
// of a run) summed over bars s+1 .. s+n-1, the first value at bar s+n-1, then
// smoothed as S - S/n + DM. Window 1 is the one-bar value itself, from bar
// s+1. inputs high, low; scratch: +DM and -DM (2T)
// Kernel state (per variant, kMovementState numbers): the sum (the seed so
// far while seeding), the run's age (-1 after a NaN bar) and the last bar's
// high and low as read; a call whose bar 0 is valid continues the run.
inline int64_t directionalMovementScratch(int64_t T) { return 2 * T; }
constexpr int kMovementState = 4;

template <bool Plus, typename Out>
int32_t directionalMovement(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < directionalMovementScratch(c.T)) return kScratchTooSmall;
  if ((c.stateIn || c.stateOut) && (!c.stateIn || c.stateLen < kMovementState * c.v1)) return kBadParam;
  const double *high = c.in[0], *low = c.in[1];
  double* plusDM = c.scratch;
  double* minusDM = plusDM + c.T;
  trend::directionalMoves(high, low, c.T, plusDM, minusDM);
  // The run the state stands in, continued by a valid bar 0: its age at bar -1, and bar 0's move.
  int64_t age0 = -1;
  if (c.stateIn && c.T > 0 && validAt(c.in, 2, 0)) {
    const double* in = c.stateIn + kMovementState * c.v0;  // the same run in every variant
    age0 = static_cast<int64_t>(in[1]);
    if (age0 >= 0) trend::directionalMove(in[2], in[3], high[0], low[0], plusDM[0], minusDM[0]);
  }
  const double* dm = Plus ? plusDM : minusDM;
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    if (c.stateOut) {
      // Before any run: the state in, no run going on; the last bar's high and low, as read (NaN or not).
      for (int j = 0; j < nb; ++j) {
        double* to = c.stateOut + kMovementState * (b0 + j);
        to[0] = c.stateIn[kMovementState * (b0 + j)];
        to[1] = -1.0;
        to[2] = c.T > 0 ? high[c.T - 1] : c.stateIn[kMovementState * (b0 + j) + 2];
        to[3] = c.T > 0 ? low[c.T - 1] : c.stateIn[kMovementState * (b0 + j) + 3];
      }
    }
    forEachSegment(c.in, 2, c.T,
      [&](int64_t s, int64_t e) {
        const int64_t start = s == 0 ? -(age0 + 1) : s;  // the run's first bar
        const int64_t from = std::max(start + 1, s);      // its first move in this call
        double sum[kBlock], carried[kBlock];
        int64_t first[kBlock];
        for (int j = 0; j < nb; ++j) {
          const int64_t n = static_cast<int64_t>(window[b0 + j]);
          first[j] = start + std::max<int64_t>(n - 1, 1);
          carried[j] = start < s ? c.stateIn[kMovementState * (b0 + j)] : 0.0;  // the sum, or the seed so far, at bar s - 1
          if (first[j] < s || n == 1) sum[j] = carried[j];
          else sum[j] = first[j] < e ? sumOnto(carried[j], dm, from, first[j] + 1 - from) : 0.0;
        }
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const double n = window[b0 + j];
            if (t < first[j]) { out.put(0, t, b0 + j, kNaN); continue; }
            if (n == 1.0) { out.put(0, t, b0 + j, dm[t]); continue; }
            if (t > first[j]) sum[j] = trend::wilderSumStep(sum[j], dm[t], n);
            out.put(0, t, b0 + j, sum[j]);
          }
        }
        if (!c.stateOut) return;
        for (int j = 0; j < nb; ++j) {
          double* to = c.stateOut + kMovementState * (b0 + j);
          to[0] = first[j] < e ? sum[j] : sumOnto(carried[j], dm, from, e - from);
          to[1] = e == c.T ? static_cast<double>(e - 1 - start) : -1.0;
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// TA-Lib IMI over bars t-n+1 .. t: 100 * up / (up + down), up the sum of
// close - open of rising bars, down that of open - close of the others, both
// summed oldest first as TA-Lib does. Each bar is summed afresh (O(window)):
// running sums would leave rounding residue in windows of empty bodies, where
// the index is 0 (TA-Lib's 0 / 0 gives NaN).
inline double intradayMomentum(const double* open, const double* close, int64_t t, int64_t n) {
  double up = 0.0, down = 0.0;
  for (int64_t i = t - n + 1; i <= t; ++i) {
    if (close[i] > open[i]) up += close[i] - open[i];
    else down += open[i] - close[i];
  }
  const double sum = up + down;
  return sum != 0.0 ? 100.0 * (up / sum) : 0.0;
}

}  // namespace tagrid::momentum
