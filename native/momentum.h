// Momentum: price changes, Wilder gain/loss oscillators, EMA spreads.
#pragma once
#include <utility>
#include "primitives.h"

namespace tagrid {

// MOM and ROC: x[t] - x[t-n], and the same times 100 / x[t-n] for ROC.
template <bool Roc>
inline double lagValue(double xt, double past, double scale) { return Roc ? (xt - past) * scale : xt - past; }

// Earlier-bar operands, forward and reversed (rev[i] = fwd[T-1-i]): for a
// range of windows the earlier values of one bar are a run read backward,
// which the reversed copies turn into a forward run.
struct LagInputs {
  const double *x, *scale, *xRev, *scaleRev;
  int64_t T;
};

// One time-major row of the block, any lags (a gather).
template <bool Roc, typename Out>
inline void lagRow(Out* __restrict row, const LagInputs& in, const int64_t* __restrict lag, int nb, int64_t t) {
  const double xt = in.x[t];
  for (int j = 0; j < nb; ++j) row[j] = static_cast<Out>(lagValue<Roc>(xt, in.x[t - lag[j]], Roc ? in.scale[t - lag[j]] : 0.0));
}

// One time-major row when lag[j] = lag[0] + j.
template <bool Roc, typename Out>
inline void lagRowRange(Out* __restrict row, const LagInputs& in, int64_t lag0, int nb, int64_t t) {
  const double xt = in.x[t];
  const double* __restrict past = in.xRev + (in.T - 1 - (t - lag0));
  const double* __restrict scale = Roc ? in.scaleRev + (in.T - 1 - (t - lag0)) : nullptr;
  for (int j = 0; j < nb; ++j) row[j] = static_cast<Out>(lagValue<Roc>(xt, past[j], Roc ? scale[j] : 0.0));
}

// One variant-major run [from, e) of one lag.
template <bool Roc, typename Out>
inline void lagRun(Out* __restrict o, const LagInputs& in, int64_t lag, int64_t from, int64_t e) {
  const double* __restrict x = in.x;
  const double* __restrict scale = in.scale;
  for (int64_t t = from; t < e; ++t) o[t] = static_cast<Out>(lagValue<Roc>(x[t], x[t - lag], Roc ? scale[t - lag] : 0.0));
}

// Stateless, so the loop order follows the layout: time-major writes one row
// of the block per bar, variant-major one contiguous run per variant; bars
// past every lag of the block skip the warm-up test. Either way the cost
// stays close to that of writing the output.
template <bool Roc, typename Out>
void lagged(const KernelCall& c, const OutView<Out>& out, const LagInputs& in) {
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
            lagRun<Roc>(o, in, lag[j], from, e);
          }
          return;
        }
        for (int64_t t = s; t < e; ++t) {
          out.written(nb);
          Out* row = dst + t * ts + b0;  // time-major: vs == 1
          if (t - s < maxLag) {
            for (int j = 0; j < nb; ++j)
              row[j] = static_cast<Out>(t - s >= lag[j] ? lagValue<Roc>(in.x[t], in.x[t - lag[j]], Roc ? in.scale[t - lag[j]] : 0.0) : kNaN);
          } else if (range) {
            lagRowRange<Roc>(row, in, lag[0], nb, t);
          } else {
            lagRow<Roc>(row, in, lag, nb, t);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
}

// momentum.mom: TA-Lib MOM, x[t] - x[t-n]. scratch: reversed x (T)
inline int64_t momScratch(int64_t T) { return T; }

template <typename Out>
int32_t mom(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < momScratch(c.T)) return kScratchTooSmall;
  reversed(c.in[0], c.T, c.scratch);
  lagged<false>(c, out, LagInputs{c.in[0], nullptr, c.scratch, nullptr, c.T});
  return kOk;
}

// momentum.roc: TA-Lib ROC as (x[t] - x[t-n]) * (100 / x[t-n]), with the
// scaled reciprocals taken once per call so the grid costs no division; 0
// where x[t-n] is 0, as TA-Lib. Equal values give exactly 0; elsewhere it
// differs from TA-Lib's (x / prev - 1) * 100 by TA-Lib's own rounding of
// x / prev near 1, ~1e-14 absolute. scratch: scale, reversed x and scale (3T)
inline int64_t rocScratch(int64_t T) { return 3 * T; }

template <typename Out>
int32_t roc(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < rocScratch(c.T)) return kScratchTooSmall;
  const double* x = c.in[0];
  double *scale = c.scratch, *xRev = scale + c.T, *scaleRev = xRev + c.T;
  for (int64_t t = 0; t < c.T; ++t) scale[t] = x[t] != 0.0 ? 100.0 / x[t] : 0.0;
  reversed(x, c.T, xRev);
  reversed(scale, c.T, scaleRev);
  lagged<true>(c, out, LagInputs{x, scale, xRev, scaleRev, c.T});
  return kOk;
}

// Wilder averages of the gains and losses of x (RSI, CMO), TA-Lib's seeding:
// at bar n, the means over bars 1..n. Gains and losses are computed once per
// call for every window. scratch: gain (T) + loss (T)
inline int64_t gainLossScratch(int64_t T) { return 2 * T; }

template <typename Out, typename Value>
int32_t gainLoss(const KernelCall& c, const OutView<Out>& out, Value value) {
  if (c.scratchLen < gainLossScratch(c.T)) return kScratchTooSmall;
  const double* x = c.in[0];
  double* gain = c.scratch;
  double* loss = c.scratch + c.T;
  for (int64_t t = 1; t < c.T; ++t) {
    const double d = x[t] - x[t - 1];
    gain[t] = d > 0.0 ? d : 0.0;
    loss[t] = d < 0.0 ? -d : 0.0;
  }
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        double avgGain[kBlock], avgLoss[kBlock];
        int64_t seedAt[kBlock];
        for (int j = 0; j < nb; ++j) {
          const double n = window[b0 + j];
          seedAt[j] = s + static_cast<int64_t>(n);
          const bool seeded = seedAt[j] < e;
          avgGain[j] = seeded ? sumRange(gain, s + 1, static_cast<int64_t>(n)) / n : kNaN;
          avgLoss[j] = seeded ? sumRange(loss, s + 1, static_cast<int64_t>(n)) / n : kNaN;
        }
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            if (t > seedAt[j]) {
              const double n = window[b0 + j];
              avgGain[j] = wilderStep(avgGain[j], gain[t], n);
              avgLoss[j] = wilderStep(avgLoss[j], loss[t], n);
            }
            out.put(0, t, b0 + j, t >= seedAt[j] ? value(avgGain[j], avgLoss[j]) : kNaN);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// momentum.rsi: TA-Lib RSI, 100 * gain / (gain + loss), 0 when the sum is ~0.
inline int64_t rsiScratch(int64_t T) { return gainLossScratch(T); }

template <typename Out>
int32_t rsi(const KernelCall& c, const OutView<Out>& out) {
  return gainLoss(c, out, rsiFromAverages);
}

// momentum.cmo: TA-Lib CMO, 100 * (gain - loss) / (gain + loss) over the same
// Wilder averages as RSI (not plain sums), 0 when the sum is ~0.
inline int64_t cmoScratch(int64_t T) { return gainLossScratch(T); }

template <typename Out>
int32_t cmo(const KernelCall& c, const OutView<Out>& out) {
  return gainLoss(c, out, [](double gain, double loss) {
    const double sum = gain + loss;
    return nearZero(sum) ? 0.0 : 100.0 * ((gain - loss) / sum);
  });
}

// A line made of a fast and a slow EMA of x (param 0, 1; swapped when fast >
// slow, as TA-Lib does), optionally with a signal EMA of the line (param 2)
// and the histogram line - signal. TA-Lib's MACD seeds the fast EMA on the
// slow EMA's first bar, with the mean of the `fast` values ending there, and
// emits all three outputs from the signal's first bar; APO and PPO seed each
// EMA on its own and emit the line from the slow EMA's first bar.
struct SpreadStyle {
  bool macd;    // MACD's fast-EMA alignment and common first bar
  bool signal;  // outputs line, signal, hist (else line only)
};

inline int64_t emaSpreadScratch(int64_t) { return 0; }

template <typename Out, typename Line>
int32_t emaSpread(const KernelCall& c, const OutView<Out>& out, SpreadStyle style, Line line) {
  const double* x = c.in[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        EmaStream fast[kBlock], slow[kBlock], signal[kBlock];
        int64_t fastFrom[kBlock];
        for (int j = 0; j < nb; ++j) {
          double f = c.param[0][b0 + j], sl = c.param[1][b0 + j];
          if (f > sl) std::swap(f, sl);
          fast[j].reset(f);
          slow[j].reset(sl);
          if (style.signal) signal[j].reset(c.param[2][b0 + j]);
          fastFrom[j] = style.macd ? s + static_cast<int64_t>(sl - f) : s;
        }
        for (int64_t t = s; t < e; ++t) {
          const double xt = x[t];
          for (int j = 0; j < nb; ++j) {
            if (t >= fastFrom[j]) fast[j].push(xt);
            if (!slow[j].push(xt)) {
              out.putNaNAll(t, b0 + j, 1);
              continue;
            }
            const double v = line(fast[j].value, slow[j].value);
            if (!style.signal) {
              out.put(0, t, b0 + j, v);
              continue;
            }
            const bool hasSignal = signal[j].push(v);
            const double sig = hasSignal ? signal[j].value : kNaN;
            out.put(0, t, b0 + j, hasSignal || !style.macd ? v : kNaN);
            out.put(1, t, b0 + j, sig);
            out.put(2, t, b0 + j, v - sig);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

inline double emaDifference(double fast, double slow) { return fast - slow; }

// TA-Lib PPO: 0 where the slow EMA is ~0.
inline double emaPercent(double fast, double slow) { return nearZero(slow) ? 0.0 : ((fast - slow) / slow) * 100.0; }

// momentum.macd: TA-Lib MACD (macd, signal, hist).
inline int64_t macdScratch(int64_t T) { return emaSpreadScratch(T); }

template <typename Out>
int32_t macd(const KernelCall& c, const OutView<Out>& out) {
  return emaSpread(c, out, SpreadStyle{true, true}, emaDifference);
}

// momentum.ppo: TA-Lib PPO with EMAs (matype 1), plus a signal EMA and histogram.
inline int64_t ppoScratch(int64_t T) { return emaSpreadScratch(T); }

template <typename Out>
int32_t ppo(const KernelCall& c, const OutView<Out>& out) {
  return emaSpread(c, out, SpreadStyle{false, true}, emaPercent);
}

// momentum.apo: TA-Lib APO with EMAs (matype 1).
inline int64_t apoScratch(int64_t T) { return emaSpreadScratch(T); }

template <typename Out>
int32_t apo(const KernelCall& c, const OutView<Out>& out) {
  return emaSpread(c, out, SpreadStyle{false, false}, emaDifference);
}

// TA-Lib ROC in its own operation order: 0 where the earlier value is 0.
inline double rocValue(double x, double prev) { return prev != 0.0 ? (x / prev - 1.0) * 100.0 : 0.0; }

// momentum.trix: TA-Lib TRIX, the one-bar ROC of EMA(EMA(EMA(x))), each EMA
// seeded with the mean of the first n values of its input.
inline int64_t trixScratch(int64_t) { return 0; }

template <typename Out>
int32_t trix(const KernelCall& c, const OutView<Out>& out) {
  const double* x = c.in[0];
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        EmaStream e1[kBlock], e2[kBlock], e3[kBlock];
        for (int j = 0; j < nb; ++j) {
          e1[j].reset(window[b0 + j]);
          e2[j].reset(window[b0 + j]);
          e3[j].reset(window[b0 + j]);
        }
        for (int64_t t = s; t < e; ++t) {
          const double xt = x[t];
          for (int j = 0; j < nb; ++j) {
            double v = kNaN;
            if (e1[j].push(xt) && e2[j].push(e1[j].value)) {
              const bool hadPrev = e3[j].ready();
              const double prev = e3[j].value;
              if (e3[j].push(e2[j].value) && hadPrev) v = rocValue(e3[j].value, prev);
            }
            out.put(0, t, b0 + j, v);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// momentum.bop: TA-Lib BOP, (close - open) / (high - low), 0 when the range is
// below 1e-14 (TA_IS_ZERO_OR_NEG). No parameters: every variant is the same.
inline int64_t bopScratch(int64_t) { return 0; }

template <typename Out>
int32_t bop(const KernelCall& c, const OutView<Out>& out) {
  const double *open = c.in[0], *high = c.in[1], *low = c.in[2], *close = c.in[3];
  for (int64_t t = 0; t < c.T; ++t) {
    const double range = high[t] - low[t];
    const double v = !validAt(c.in, 4, t) ? kNaN : range < 1e-14 ? 0.0 : (close[t] - open[t]) / range;
    for (int64_t k = c.v0; k < c.v1; ++k) out.put(0, t, k, v);
  }
  return kOk;
}

inline const KernelEntry kMomentumKernels[] = {
  TAGRID_KERNEL("momentum.rsi", 1, 1, 1, rsi),
  TAGRID_KERNEL("momentum.roc", 1, 1, 1, roc),
  TAGRID_KERNEL("momentum.mom", 1, 1, 1, mom),
  TAGRID_KERNEL("momentum.cmo", 1, 1, 1, cmo),
  TAGRID_KERNEL("momentum.macd", 1, 3, 3, macd),
  TAGRID_KERNEL("momentum.ppo", 1, 3, 3, ppo),
  TAGRID_KERNEL("momentum.apo", 1, 2, 1, apo),
  TAGRID_KERNEL("momentum.trix", 1, 1, 1, trix),
  TAGRID_KERNEL("momentum.bop", 4, 0, 1, bop),
};

}  // namespace tagrid
