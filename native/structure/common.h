// What several structure indicators share: the lengths of a candle, and
// stateless values over windows written in the output's layout (rolling
// extremes and sums).
#pragma once
#include <cmath>
#include "../primitives.h"

namespace tagrid::structure {

// The four lengths of a candle.
struct CandleShape {
  double body, range, upperWick, lowerWick;
};

inline CandleShape candleShape(double open, double high, double low, double close) {
  const double top = open > close ? open : close, bottom = open > close ? close : open;
  return {top - bottom, high - low, high - top, bottom - low};
}

// x / by, NaN where by is 0.
inline double ratioOrNaN(double x, double by) { return by != 0.0 ? x / by : kNaN; }

// The kernel state of the ATR-normalised values (candle_stats_atr_norm,
// distance_to_ma_norm): per variant S numbers, the variant's own (`own`:
// its averages, as its last valid bar left them), then the run's age and
// its last bar's four inputs (carriedRun / leaveRun in primitives.h).

// A stateless value over windows of the last w[j] bars (current one
// included), written in the output's layout as momentum's lagged() does:
// variant-major as one contiguous run per variant, time-major as one row per
// bar. Rows past every window of the block skip the warm-up test, and when
// the windows are consecutive (w[j] = w[0] + j, as in default grids)
// row(r, t) fills the row from operands read as runs, so neither layout needs
// gathers. value(j, t) is variant b0 + j at bar t; the segments of valid bars
// come from the first nIn inputs.
template <typename Out, typename Value, typename Row>
void putWindowed(const KernelCall& c, const OutView<Out>& out, int nIn, int64_t b0, int nb, const int64_t* w, Value value,
                 Row row) {
  Out* const dst = out.ptr[0];
  if (!dst) return;
  const int64_t ts = out.timeStride, vs = out.variantStride;
  int64_t longest = 0;
  bool consecutive = true;
  for (int j = 0; j < nb; ++j) {
    longest = std::max(longest, w[j]);
    consecutive = consecutive && w[j] == w[0] + j;
  }
  forEachSegment(c.in, nIn, c.T,
    [&](int64_t s, int64_t e) {
      if (vs != 1 || ts == 1) {
        for (int j = 0; j < nb; ++j) {
          out.written(e - s);  // writes bypass put(): count them for the cancel check
          Out* __restrict o = dst + (b0 + j) * vs;
          const int64_t from = std::min(s + w[j] - 1, e);
          for (int64_t t = s; t < from; ++t) o[t * ts] = static_cast<Out>(kNaN);
          if (ts == 1) {
            for (int64_t t = from; t < e; ++t) o[t] = static_cast<Out>(value(j, t));
          } else {
            for (int64_t t = from; t < e; ++t) o[t * ts] = static_cast<Out>(value(j, t));
          }
        }
        return;
      }
      for (int64_t t = s; t < e; ++t) {
        out.written(nb);
        Out* r = dst + t * ts + b0;
        if (t - s + 1 < longest) {
          for (int j = 0; j < nb; ++j) r[j] = static_cast<Out>(t - s + 1 >= w[j] ? value(j, t) : kNaN);
        } else if (consecutive) {
          row(r, t);
        } else {
          for (int j = 0; j < nb; ++j) r[j] = static_cast<Out>(value(j, t));
        }
      }
    },
    [&](int64_t t) { out.putNaNAll(t, b0, nb); });
}

// structure.max, structure.min, structure.midpoint, structure.midprice:
// TA-Lib MAX, MIN, MIDPOINT ((max + min) / 2) and MIDPRICE ((highest high +
// lowest low) / 2) over the last n bars, current bar included. One sparse
// table per extreme serves every window; consecutive windows sharing a level
// read its second span as one run backward. scratch: one or two tables
inline int64_t extremesScratch(int64_t T, int tables) { return tables * extremeScratch(T); }

enum class Extreme { kMax, kMin, kMid };

template <Extreme E>
inline double extremeValue(double high, double low) {
  return E == Extreme::kMax ? high : E == Extreme::kMin ? low : (high + low) / 2.0;
}

// kMax and kMin read in[0]; kMid takes the max of in[0] and the min of
// in[nIn - 1] (MIDPOINT of one source, MIDPRICE of high and low).
template <Extreme E, typename Out>
int32_t rollingExtremes(const KernelCall& c, const OutView<Out>& out, int nIn) {
  const int64_t T = c.T;
  constexpr bool kHigh = E != Extreme::kMin, kLow = E != Extreme::kMax;
  if (c.scratchLen < extremesScratch(T, kHigh + kLow)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  const int levels = extremeLevels(static_cast<int64_t>(maxParam(c, 0)));
  RollingExtreme<true> highs;
  RollingExtreme<false> lows;
  if (kHigh) highs.build(c.in[0], T, levels, c.scratch);
  if (kLow) lows.build(c.in[nIn - 1], T, levels, c.scratch + (kHigh ? extremeScratch(T) : 0));
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t w[kBlock];
    RollingExtreme<true>::Window hi[kBlock];
    RollingExtreme<false>::Window lo[kBlock];
    for (int j = 0; j < nb; ++j) {
      w[j] = static_cast<int64_t>(c.param[0][b0 + j]);
      if (kHigh) hi[j] = highs.window(w[j]);
      if (kLow) lo[j] = lows.window(w[j]);
    }
    putWindowed(c, out, nIn, b0, nb, w,
      [&](int j, int64_t t) {
        return extremeValue<E>(kHigh ? highs.at(hi[j], t) : 0.0, kLow ? lows.at(lo[j], t) : 0.0);
      },
      [&](Out* __restrict r, int64_t t) {
        for (int j = 0; j < nb;) {
          // Windows w[j] .. w[j] + n - 1 share a level; their second spans end at t - back, t - back - 1, ...
          const int64_t back = kHigh ? hi[j].back : lo[j].back;
          const int n = static_cast<int>(std::min<int64_t>(nb - j, w[j] - 2 * back));
          const double* __restrict h = kHigh ? hi[j].level + t - back : nullptr;
          const double* __restrict l = kLow ? lo[j].level + t - back : nullptr;
          const double headHigh = kHigh ? hi[j].level[t] : 0.0, headLow = kLow ? lo[j].level[t] : 0.0;
          for (int i = 0; i < n; ++i)
            r[j + i] = static_cast<Out>(extremeValue<E>(kHigh ? pickExtreme<true>(headHigh, h[-i]) : 0.0,
                                                        kLow ? pickExtreme<false>(headLow, l[-i]) : 0.0));
          j += n;
        }
      });
  });
  return kOk;
}

// TA-Lib AVGDEV at bar t: the mean of |x - mean| over the last n values,
// summed newest first as TA-Lib does. O(n) per bar: the deviations change
// with the mean, so there is no running form.
inline double averageDeviation(const double* x, int64_t t, int64_t n) {
  const double nd = static_cast<double>(n);
  double sum = 0.0;
  for (int64_t i = 0; i < n; ++i) sum += x[t - i];
  const double mean = sum / nd;
  double dev = 0.0;
  for (int64_t i = 0; i < n; ++i) dev += std::fabs(x[t - i] - mean);
  return dev / nd;
}

// TA-Lib MAXINDEX / MININDEX (IsMax false): the bar of the extreme of the
// window [t-n+1, t], as an absolute bar index. TA-Lib's ties depend on the
// path, and are kept: the bar found on the previous bar stays while it is in
// the window and a new value equal to it (or beyond) takes over; once it
// leaves the window, the window is scanned for its first extreme value.
// Feed the bars of a run in order from its first full window; reset() at
// each run.
template <bool IsMax>
struct ExtremeIndex {
  int64_t index = -1;
  double value = 0.0;
  void reset() { index = -1; }
  int64_t next(const double* x, int64_t t, int64_t n) {
    const int64_t oldest = t - n + 1;
    if (index < oldest) {
      index = oldest;
      value = x[oldest];
      for (int64_t i = oldest + 1; i <= t; ++i)
        if (IsMax ? x[i] > value : x[i] < value) { index = i; value = x[i]; }
    } else if (IsMax ? x[t] >= value : x[t] <= value) {
      index = t;
      value = x[t];
    }
    return index;
  }
};

// Kernel state of MAXINDEX, MININDEX, MINMAXINDEX (per variant,
// kIndexState numbers): the kept (bar, value) of the min and of the max
// (bars counted from the stream's first; -1: none yet), the bar number of
// the call's bar 0, then `lead` (at least the longest window - 1) and the
// run's age at bar lead - 1 (-1 after a NaN bar). The call's first lead
// bars are the bars before the state, so every window the kernel scans lies in
// the call; the kernel writes NaN before bar lead, continues the run from
// there and leaves the kept bars, the bar number after its last bar, 0 and
// the age at its last bar.
constexpr int kIndexState = 7;

// MAXINDEX, MININDEX, MINMAXINDEX: the bar index of the window's min in
// output minOut and of its max in output maxOut (-1: not an output).
template <typename Out>
int32_t extremeIndexes(const KernelCall& c, const OutView<Out>& out, int minOut, int maxOut) {
  constexpr int S = kIndexState;
  const double* x = c.in[0];
  const bool state = c.stateIn || c.stateOut;
  if (state && (!c.stateIn || c.stateLen < S * c.v1)) return kBadParam;
  // From the state: the bar number of bar 0, lead and the run's age at bar lead - 1.
  const double* head = state ? c.stateIn + S * c.v0 : nullptr;
  const double base = state ? head[4] : 0.0;
  const int64_t lead = state ? static_cast<int64_t>(head[5]) : 0;
  if (state && (lead < callWindow(c, {0}) - 1 || lead > c.T)) return kBadParam;
  forEachBlock(c, [&](int64_t b0, int nb) {
    if (c.stateOut) {
      for (int j = 0; j < nb; ++j) {
        double* to = c.stateOut + S * (b0 + j);
        std::copy(c.stateIn + S * (b0 + j), c.stateIn + S * (b0 + j) + 4, to);
        to[4] = base + static_cast<double>(c.T), to[5] = 0.0, to[6] = -1.0;
      }
    }
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        ExtremeIndex<false> lo[kBlock];
        ExtremeIndex<true> hi[kBlock];
        // A run through bar lead - 1 goes on from the state; the stream stepped the bars before lead.
        const int64_t from = std::max(s, lead);
        const int64_t start = s < lead ? lead - 1 - static_cast<int64_t>(head[6]) : s;
        if (s < lead && e > lead) {
          for (int j = 0; j < nb; ++j) {
            const double* in = c.stateIn + S * (b0 + j);
            lo[j].index = static_cast<int64_t>(in[0] - base), lo[j].value = in[1];
            hi[j].index = static_cast<int64_t>(in[2] - base), hi[j].value = in[3];
          }
        }
        for (int64_t t = s; t < from && t < e; ++t) out.putNaNAll(t, b0, nb);
        for (int64_t t = from; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const int64_t n = static_cast<int64_t>(c.param[0][b0 + j]);
            if (t - start < n - 1) { out.putNaNAll(t, b0 + j, 1); continue; }
            if (minOut >= 0) out.put(minOut, t, b0 + j, base + static_cast<double>(lo[j].next(x, t, n)));
            if (maxOut >= 0) out.put(maxOut, t, b0 + j, base + static_cast<double>(hi[j].next(x, t, n)));
          }
        }
        if (!c.stateOut || e <= lead) return;
        for (int j = 0; j < nb; ++j) {
          double* to = c.stateOut + S * (b0 + j);
          // A lane that kept a bar in this run (the others as they were).
          if (e - 1 - start >= static_cast<int64_t>(c.param[0][b0 + j]) - 1) {
            if (minOut >= 0) to[0] = base + static_cast<double>(lo[j].index), to[1] = lo[j].value;
            if (maxOut >= 0) to[2] = base + static_cast<double>(hi[j].index), to[3] = hi[j].value;
          }
          if (e == c.T) to[6] = static_cast<double>(e - 1 - start);
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::structure
