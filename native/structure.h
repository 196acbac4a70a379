// Market structure: candle anatomy, rolling extremes and sums, ranks, z-scores, pivots.
#pragma once
#include "primitives.h"

namespace tagrid {

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

// structure.candle_stats: body, range, wicks and the three as percentages of
// the range (NaN when the range is 0). inputs: open, high, low, close.
inline int64_t candleStatsScratch(int64_t) { return 0; }

template <typename Out>
int32_t candleStats(const KernelCall& c, const OutView<Out>& out) {
  const double *open = c.in[0], *high = c.in[1], *low = c.in[2], *close = c.in[3];
  for (int64_t t = 0; t < c.T; ++t) {
    const bool valid = validAt(c.in, 4, t);
    const CandleShape k = candleShape(open[t], high[t], low[t], close[t]);
    const double values[7] = {k.body, k.range, k.upperWick, k.lowerWick, 100.0 * ratioOrNaN(k.body, k.range),
                              100.0 * ratioOrNaN(k.upperWick, k.range), 100.0 * ratioOrNaN(k.lowerWick, k.range)};
    for (int64_t v = c.v0; v < c.v1; ++v)
      for (int i = 0; i < 7; ++i) out.put(i, t, v, valid ? values[i] : kNaN);
  }
  return kOk;
}

// structure.candle_stats_atr_norm: body, range and wicks divided by TA-Lib
// ATR(atr_window), from the ATR's first bar on. inputs: open, high, low, close.
inline int64_t candleStatsAtrNormScratch(int64_t) { return 0; }

template <typename Out>
int32_t candleStatsAtrNorm(const KernelCall& c, const OutView<Out>& out) {
  const double *open = c.in[0], *high = c.in[1], *low = c.in[2], *close = c.in[3];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 4, c.T,
      [&](int64_t s, int64_t e) {
        WilderStream atr[kBlock];
        for (int j = 0; j < nb; ++j) atr[j].reset(c.param[0][b0 + j]);
        out.putNaNAll(s, b0, nb);
        for (int64_t t = s + 1; t < e; ++t) {
          const double range = trueRange(high[t], low[t], close[t - 1]);
          const CandleShape k = candleShape(open[t], high[t], low[t], close[t]);
          for (int j = 0; j < nb; ++j) {
            if (!atr[j].push(range)) {
              out.putNaNAll(t, b0 + j, 1);
              continue;
            }
            const double a = atr[j].value;
            out.put(0, t, b0 + j, ratioOrNaN(k.body, a));
            out.put(1, t, b0 + j, ratioOrNaN(k.range, a));
            out.put(2, t, b0 + j, ratioOrNaN(k.upperWick, a));
            out.put(3, t, b0 + j, ratioOrNaN(k.lowerWick, a));
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// structure.distance_to_ma_norm: (x - TA-Lib EMA(x, n)) / TA-Lib ATR(n), from
// the ATR's first bar (n) on. inputs: source, high, low, close.
inline int64_t distanceToMaNormScratch(int64_t) { return 0; }

template <typename Out>
int32_t distanceToMaNorm(const KernelCall& c, const OutView<Out>& out) {
  const double *x = c.in[0], *high = c.in[1], *low = c.in[2], *close = c.in[3];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 4, c.T,
      [&](int64_t s, int64_t e) {
        EmaStream ema[kBlock];
        WilderStream atr[kBlock];
        for (int j = 0; j < nb; ++j) {
          ema[j].reset(c.param[0][b0 + j]);
          atr[j].reset(c.param[0][b0 + j]);
        }
        for (int64_t t = s; t < e; ++t) {
          const double range = t > s ? trueRange(high[t], low[t], close[t - 1]) : 0.0;
          for (int j = 0; j < nb; ++j) {
            ema[j].push(x[t]);
            const bool ready = t > s && atr[j].push(range);
            out.put(0, t, b0 + j, ready ? ratioOrNaN(x[t] - ema[j].value, atr[j].value) : kNaN);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

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
inline int64_t rollingMaxScratch(int64_t T) { return extremeScratch(T); }
inline int64_t rollingMinScratch(int64_t T) { return extremeScratch(T); }
inline int64_t midpointScratch(int64_t T) { return 2 * extremeScratch(T); }
inline int64_t midpriceScratch(int64_t T) { return 2 * extremeScratch(T); }

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
  if (c.scratchLen < (kHigh + kLow) * extremeScratch(T)) return kScratchTooSmall;
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

template <typename Out>
int32_t rollingMax(const KernelCall& c, const OutView<Out>& out) { return rollingExtremes<Extreme::kMax>(c, out, 1); }

template <typename Out>
int32_t rollingMin(const KernelCall& c, const OutView<Out>& out) { return rollingExtremes<Extreme::kMin>(c, out, 1); }

template <typename Out>
int32_t midpoint(const KernelCall& c, const OutView<Out>& out) { return rollingExtremes<Extreme::kMid>(c, out, 1); }

template <typename Out>
int32_t midprice(const KernelCall& c, const OutView<Out>& out) { return rollingExtremes<Extreme::kMid>(c, out, 2); }

// structure.sum: TA-Lib SUM from prefix sums built once per call. scratch: prefix (T + 1) + lastGap (T)
inline int64_t rollingSumScratch(int64_t T) { return 2 * T + 1; }

template <typename Out>
int32_t rollingSum(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < rollingSumScratch(c.T)) return kScratchTooSmall;
  double *prefix = c.scratch, *lastGap = c.scratch + c.T + 1;
  prefixSums(c.in[0], c.T, prefix, lastGap);
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t w[kBlock];
    for (int j = 0; j < nb; ++j) w[j] = static_cast<int64_t>(c.param[0][b0 + j]);
    putWindowed(c, out, 1, b0, nb, w,
      [&](int j, int64_t t) { return prefixWindowSum(prefix, t, w[j]); },
      [&](Out* __restrict r, int64_t t) {
        const double head = prefix[t + 1];
        const double* __restrict tail = prefix + t + 1 - w[0];
        for (int j = 0; j < nb; ++j) r[j] = static_cast<Out>(head - tail[-j]);
      });
  });
  return kOk;
}

// structure.percent_rank: 100 * (how many of the previous n values are <= x[t]) / n,
// Pine Script's ta.percentrank. One backward scan per bar counts for every
// window of the block at once. scratch: lastGap (T) + counts (kMaxWindow + 1)
inline int64_t percentRankScratch(int64_t T) { return T + kMaxWindow + 1; }

template <typename Out>
int32_t percentRank(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < percentRankScratch(c.T)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  const double* x = c.in[0];
  double* lastGap = c.scratch;
  double* notAbove = c.scratch + c.T;  // notAbove[i]: how many of x[t-i .. t-1] are <= x[t]
  lastGaps(x, c.T, lastGap);
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t w[kBlock], longest = 0;
    for (int j = 0; j < nb; ++j) {
      w[j] = static_cast<int64_t>(c.param[0][b0 + j]);
      longest = std::max(longest, w[j]);
    }
    for (int64_t t = 0; t < c.T; ++t) {
      const int64_t run = t - static_cast<int64_t>(lastGap[t]);
      const int64_t reach = std::min(longest, run - 1);
      double count = 0.0;
      for (int64_t i = 1; i <= reach; ++i) {
        if (x[t - i] <= x[t]) count += 1.0;
        notAbove[i] = count;
      }
      for (int j = 0; j < nb; ++j)
        out.put(0, t, b0 + j, run > w[j] ? 100.0 * (notAbove[w[j]] / static_cast<double>(w[j])) : kNaN);
    }
  });
  return kOk;
}

// structure.zscore: (x - mean) / population standard deviation of the last n
// values, from RollingMoments built once per call; NaN on a flat window.
inline int64_t zscoreScratch(int64_t T) { return rollingMomentsScratch(T); }

template <typename Out>
int32_t zscore(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < zscoreScratch(c.T)) return kScratchTooSmall;
  const double* x = c.in[0];
  RollingMoments moments;
  moments.build(x, c.T, static_cast<int64_t>(maxParam(c, 0)), c.scratch);
  forEachBlock(c, [&](int64_t b0, int nb) {
    for (int64_t t = 0; t < c.T; ++t) {
      for (int j = 0; j < nb; ++j) {
        const int64_t w = static_cast<int64_t>(c.param[0][b0 + j]);
        double v = kNaN;
        if (moments.valid(t, w)) v = ratioOrNaN(x[t] - moments.mean(t, w), std::sqrt(moments.variance(t, w)));
        out.put(0, t, b0 + j, v);
      }
    }
  });
  return kOk;
}

// structure.pivots: bar p is a pivot high when its high is above each of the
// `left` highs before it and not below any of the `right` highs after it (of
// equal highs the first counts); pivot lows likewise. The pivot's value is
// reported at bar p + right, the first bar at which it is known, and NaN
// elsewhere. inputs: high, low; params: left, right.
// scratch: two sparse tables + lastGap (T)
inline int64_t pivotsScratch(int64_t T) { return 2 * extremeScratch(T) + T; }

template <typename Out>
int32_t pivots(const KernelCall& c, const OutView<Out>& out) {
  const int64_t T = c.T;
  if (c.scratchLen < pivotsScratch(T)) return kScratchTooSmall;
  if (!windowsFit(c, 0) || !windowsFit(c, 1)) return kBadParam;
  const double *high = c.in[0], *low = c.in[1];
  const int levels = extremeLevels(static_cast<int64_t>(std::max(maxParam(c, 0), maxParam(c, 1))));
  double* lastGap = c.scratch;
  inputGaps(c, 2, lastGap);
  RollingExtreme<true> highs;
  RollingExtreme<false> lows;
  highs.build(high, T, levels, lastGap + T);
  lows.build(low, T, levels, lastGap + T + extremeScratch(T));
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t left[kBlock], right[kBlock];
    RollingExtreme<true>::Window hiLeft[kBlock], hiRight[kBlock];
    RollingExtreme<false>::Window loLeft[kBlock], loRight[kBlock];
    for (int j = 0; j < nb; ++j) {
      left[j] = static_cast<int64_t>(c.param[0][b0 + j]);
      right[j] = static_cast<int64_t>(c.param[1][b0 + j]);
      hiLeft[j] = highs.window(left[j]);
      hiRight[j] = highs.window(right[j]);
      loLeft[j] = lows.window(left[j]);
      loRight[j] = lows.window(right[j]);
    }
    for (int64_t t = 0; t < T; ++t) {
      const int64_t run = t - static_cast<int64_t>(lastGap[t]);
      for (int j = 0; j < nb; ++j) {
        double ph = kNaN, pl = kNaN;
        if (run > left[j] + right[j]) {
          const int64_t p = t - right[j];
          if (high[p] > highs.at(hiLeft[j], p - 1) && high[p] >= highs.at(hiRight[j], t)) ph = high[p];
          if (low[p] < lows.at(loLeft[j], p - 1) && low[p] <= lows.at(loRight[j], t)) pl = low[p];
        }
        out.put(0, t, b0 + j, ph);
        out.put(1, t, b0 + j, pl);
      }
    }
  });
  return kOk;
}

inline const KernelEntry kStructureKernels[] = {
  TAGRID_KERNEL("structure.candle_stats", 4, 0, 7, candleStats),
  TAGRID_KERNEL("structure.candle_stats_atr_norm", 4, 1, 4, candleStatsAtrNorm),
  TAGRID_KERNEL("structure.distance_to_ma_norm", 4, 1, 1, distanceToMaNorm),
  TAGRID_KERNEL("structure.percent_rank", 1, 1, 1, percentRank),
  TAGRID_KERNEL("structure.zscore", 1, 1, 1, zscore),
  TAGRID_KERNEL("structure.pivots", 2, 2, 2, pivots),
  TAGRID_KERNEL("structure.max", 1, 1, 1, rollingMax),
  TAGRID_KERNEL("structure.min", 1, 1, 1, rollingMin),
  TAGRID_KERNEL("structure.sum", 1, 1, 1, rollingSum),
  TAGRID_KERNEL("structure.midpoint", 1, 1, 1, midpoint),
  TAGRID_KERNEL("structure.midprice", 2, 1, 1, midprice),
};

}  // namespace tagrid
