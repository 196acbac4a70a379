// What every candlestick pattern shares: TA-Lib's candle settings (how long a
// body or a shadow must be, judged against an average of recent candles),
// the candle measures of ta_utility.h, and the loop over runs of valid bars.
// asm/pattern/common.ts mirrors it.
//
// A setting's average is kept the way TA-Lib keeps it: a total of the ranges
// of the `period` bars before some bar j, summed in bar order when the run
// starts, then moved one bar per step by total += range(j) - range(j - period).
// Equal-to comparisons (a flat bar's zero body against a zero average) only
// match TA-Lib bit for bit with the same additions in the same order.
#pragma once
#include <algorithm>
#include <cmath>
#include "../primitives.h"

namespace tagrid::pattern {

// TA_RangeType: what a setting measures on a candle.
enum class RangeType { RealBody, HighLow, Shadows };

// TA_CandleSetting: a candle part is compared with factor x the average of
// its range over the `period` bars before it (the bar's own range when
// period is 0; half the average for Shadows, both shadows being summed).
struct CandleSetting {
  RangeType range;
  int64_t period;
  double factor;
};

// TA-Lib's TA_CandleDefaultSettings (ta_global.c).
inline constexpr CandleSetting kBodyLong{RangeType::RealBody, 10, 1.0};
inline constexpr CandleSetting kBodyVeryLong{RangeType::RealBody, 10, 3.0};
inline constexpr CandleSetting kBodyShort{RangeType::RealBody, 10, 1.0};
inline constexpr CandleSetting kBodyDoji{RangeType::HighLow, 10, 0.1};
inline constexpr CandleSetting kShadowLong{RangeType::RealBody, 0, 1.0};
inline constexpr CandleSetting kShadowVeryLong{RangeType::RealBody, 0, 2.0};
inline constexpr CandleSetting kShadowShort{RangeType::Shadows, 10, 1.0};
inline constexpr CandleSetting kShadowVeryShort{RangeType::HighLow, 10, 0.1};
inline constexpr CandleSetting kNear{RangeType::HighLow, 5, 0.2};
inline constexpr CandleSetting kFar{RangeType::HighLow, 5, 0.6};
inline constexpr CandleSetting kEqual{RangeType::HighLow, 5, 0.05};

// The open, high, low, close columns (the kernel's inputs, in that order) and
// TA-Lib's candle macros over them.
class Candles {
 public:
  explicit Candles(const KernelCall& c) : o_(c.in[0]), h_(c.in[1]), l_(c.in[2]), c_(c.in[3]) {}

  double open(int64_t t) const { return o_[t]; }
  double high(int64_t t) const { return h_[t]; }
  double low(int64_t t) const { return l_[t]; }
  double close(int64_t t) const { return c_[t]; }

  // TA_REALBODY, TA_UPPERSHADOW, TA_LOWERSHADOW, TA_HIGHLOWRANGE, TA_CANDLECOLOR
  double body(int64_t t) const { return std::fabs(c_[t] - o_[t]); }
  double upperShadow(int64_t t) const { return h_[t] - (c_[t] >= o_[t] ? c_[t] : o_[t]); }
  double lowerShadow(int64_t t) const { return (c_[t] >= o_[t] ? o_[t] : c_[t]) - l_[t]; }
  double highLow(int64_t t) const { return h_[t] - l_[t]; }
  int color(int64_t t) const { return c_[t] >= o_[t] ? 1 : -1; }
  double bodyTop(int64_t t) const { return std::max(c_[t], o_[t]); }
  double bodyBottom(int64_t t) const { return std::min(c_[t], o_[t]); }

  // TA_REALBODYGAPUP / DOWN (bar t's body clear of bar p's), TA_CANDLEGAPUP / DOWN
  bool bodyGapUp(int64_t t, int64_t p) const { return bodyBottom(t) > bodyTop(p); }
  bool bodyGapDown(int64_t t, int64_t p) const { return bodyTop(t) < bodyBottom(p); }
  bool gapUp(int64_t t, int64_t p) const { return l_[t] > h_[p]; }
  bool gapDown(int64_t t, int64_t p) const { return h_[t] < l_[p]; }

  // TA_CANDLERANGE: the part of bar t that setting s measures.
  double range(const CandleSetting& s, int64_t t) const {
    switch (s.range) {
      case RangeType::RealBody: return body(t);
      case RangeType::HighLow: return highLow(t);
      case RangeType::Shadows: return upperShadow(t) + lowerShadow(t);
    }
    return 0.0;
  }

  // The total of setting s over the `period` bars before bar `end`, added in bar order.
  double total(const CandleSetting& s, int64_t end) const {
    double sum = 0.0;
    for (int64_t t = end - s.period; t < end; ++t) sum += range(s, t);
    return sum;
  }

  // The total once its window moves on to end after bar t (TA-Lib's update).
  double roll(const CandleSetting& s, double total, int64_t t) const {
    return total + (range(s, t) - range(s, t - s.period));
  }

  // TA_CANDLEAVERAGE: the threshold setting s sets for bar t, given its total.
  double average(const CandleSetting& s, double total, int64_t t) const {
    return s.factor * (s.period != 0 ? total / static_cast<double>(s.period) : range(s, t)) /
           (s.range == RangeType::Shadows ? 2.0 : 1.0);
  }

 private:
  const double *o_, *h_, *l_, *c_;
};

// A setting's running total judging bar i - lag while a scan moves bar i on
// from `first`: summed once, then moved on by rollAll(i, ...) after each bar.
// The wasm kernels keep these totals in locals: there the setting stays a
// constant the compiler folds into range() and average().
class Trailing {
 public:
  Trailing(const Candles& k, const CandleSetting& s, int64_t first, int64_t lag = 0)
      : k_(k), s_(s), lag_(lag), total_(k.total(s, first - lag)) {}

  // TA_CANDLEAVERAGE: the threshold the setting sets for bar i - lag.
  double average(int64_t i) const { return k_.average(s_, total_, i - lag_); }

  // Moves the window on after bar i.
  void next(int64_t i) { total_ = k_.roll(s_, total_, i - lag_); }

 private:
  const Candles& k_;
  CandleSetting s_;
  int64_t lag_;
  double total_;
};

// Moves every given total on after bar i.
template <typename... Totals>
inline void rollAll(int64_t i, Totals&... totals) { (totals.next(i), ...); }

// The pattern value v at bar t for every variant of the block.
template <typename Out>
inline void putAll(const OutView<Out>& out, int64_t t, int64_t b0, int nb, double v) {
  for (int j = 0; j < nb; ++j) out.put(0, t, b0 + j, v);
}

// The loop every pattern kernel shares. For each block [b0, b0 + nb) and each
// run [s, e) of valid bars, bars before s + lookback get NaN and, when the
// run is longer, scan(b0, nb, first, e) computes bars [first, e) as TA-Lib
// does from startIdx = first: a pattern restarts after every gap.
template <typename Out, typename Scan>
inline int32_t forEachRun(const KernelCall& c, const OutView<Out>& out, int64_t lookback, Scan&& scan) {
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 4, c.T,
      [&](int64_t s, int64_t e) {
        const int64_t first = std::min(s + lookback, e);
        for (int64_t t = s; t < first; ++t) out.putNaNAll(t, b0, nb);
        if (first < e) scan(b0, nb, first, e);
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::pattern
