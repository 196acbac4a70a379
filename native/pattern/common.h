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

// Kernel state (docs/adding-an-indicator.md, "Kernel state"), so a stream
// continues a run through the kernel:
//   [lead, age, totals, locals, ring of the run's last lookback + 1 candles]
// The call's first `lead` bars are the bars before the state (lead >= lookback), so
// the kernel reads every bar it needs from the call; `age` counts the valid
// bars of the run through bar lead - 1. A run judged before bar lead goes on
// from the totals (a slot per range type, period and lag: two totals with the
// same are the same sums, bit for bit) and the scan's locals (hikkake's
// confirmation). stateOut gets the same after the last bar, with totals and
// locals zero until the run is judged, and the ring (bar r of the run at slot
// r % (lookback + 1): open, high, low, close) for the stream's own steps.
namespace state {
constexpr int64_t kMaxLag = 4;
constexpr int64_t kTotals = 3 * 3 * (kMaxLag + 1);  // range type x period (0, 5, 10) x lag
constexpr int64_t kLocals = 3;
constexpr int64_t kTotalsAt = 2, kRingAt = kTotalsAt + kTotals + kLocals;
inline constexpr int64_t length(int64_t lookback) { return kRingAt + 4 * (lookback + 1); }
inline constexpr int64_t slotOf(const CandleSetting& s, int64_t lag) {
  return (static_cast<int64_t>(s.range) * 3 + (s.period == 0 ? 0 : s.period == 5 ? 1 : 2)) * (kMaxLag + 1) + lag;
}
}  // namespace state

// The first bar a scan judges, and its run: where the run began (before bar 0
// when an earlier call saw it begin), the totals and locals it goes on from
// (null: a fresh run, summed at `bar`) and where it leaves them after its
// last bar (null unless that is the call's last bar and state is wanted).
struct Start {
  int64_t bar, origin;
  const double* in = nullptr;
  double* out = nullptr;
  operator int64_t() const { return bar; }
  bool resumed() const { return in != nullptr; }
  // Local j of the scan: carried, or `fresh` for a fresh run; keep() leaves it.
  double local(int64_t j, double fresh) const { return in ? in[state::kTotals + j] : fresh; }
  void keep(int64_t j, double v) const { if (out) out[state::kTotals + j] = v; }
};

// A setting's running total judging bar i - lag while a scan moves bar i on
// from `first`: summed once (or carried from the kernel state), then moved
// on by rollAll(i, ...) after each bar, and left in the state at the end.
// The wasm kernels keep these totals in locals: there the setting stays a
// constant the compiler folds into range() and average().
class Trailing {
 public:
  Trailing(const Candles& k, const CandleSetting& s, const Start& first, int64_t lag = 0)
      : k_(k), s_(s), lag_(lag),
        total_(first.in ? first.in[state::slotOf(s, lag)] : k.total(s, first - lag)),
        out_(first.out ? first.out + state::slotOf(s, lag) : nullptr) {}
  Trailing(const Trailing&) = delete;
  ~Trailing() { if (out_) *out_ = total_; }

  // TA_CANDLEAVERAGE: the threshold the setting sets for bar i - lag.
  double average(int64_t i) const { return k_.average(s_, total_, i - lag_); }

  // Moves the window on after bar i.
  void next(int64_t i) { total_ = k_.roll(s_, total_, i - lag_); }

 private:
  const Candles& k_;
  CandleSetting s_;
  int64_t lag_;
  double total_;
  double* out_;
};

// Moves every given total on after bar i.
template <typename... Totals>
inline void rollAll(int64_t i, Totals&... totals) { (totals.next(i), ...); }

// The pattern value v at bar t for every variant of the block.
template <typename Out>
inline void putAll(const OutView<Out>& out, int64_t t, int64_t b0, int nb, double v) {
  for (int j = 0; j < nb; ++j) out.put(0, t, b0 + j, v);
}

// The age and ring of the kernel state for the run [origin, T) through the
// call's last bar.
inline void keepRun(const KernelCall& c, int64_t lookback, int64_t origin) {
  const int64_t size = lookback + 1;
  c.stateOut[1] = static_cast<double>(c.T - origin);
  for (int64_t t = std::max(origin, c.T - size); t < c.T; ++t)
    for (int f = 0; f < 4; ++f) c.stateOut[state::kRingAt + 4 * ((t - origin) % size) + f] = c.in[f][t];
}

// The loop every pattern kernel shares. For each block [b0, b0 + nb) and each
// run [s, e) of valid bars, bars before s + lookback get NaN and, when the
// run is longer, scan(b0, nb, first, e) computes bars [first, e) as TA-Lib
// does from startIdx = first: a pattern restarts after every gap. With a
// kernel state (above), bars before its lead get NaN (the stream's own) and
// a run judged before the lead goes on from it there.
template <typename Out, typename Scan>
inline int32_t forEachRun(const KernelCall& c, const OutView<Out>& out, int64_t lookback, Scan&& scan) {
  if ((c.stateIn || c.stateOut) && (!c.stateIn || c.stateLen < state::length(lookback))) return kBadParam;
  const int64_t lead = c.stateIn ? static_cast<int64_t>(c.stateIn[0]) : 0;
  const int64_t age = c.stateIn ? static_cast<int64_t>(c.stateIn[1]) : 0;
  if (c.stateIn && !(lead >= lookback && lead < c.T && age >= 0)) return kBadParam;
  const double* carried = c.stateIn ? c.stateIn + state::kTotalsAt : nullptr;
  double* kept = c.stateOut ? c.stateOut + state::kTotalsAt : nullptr;
  // A gap at the last bar leaves no run: age 0, nothing kept.
  if (c.stateOut) {
    std::fill(c.stateOut, c.stateOut + c.stateLen, 0.0);
    c.stateOut[0] = static_cast<double>(lead);
  }
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 4, c.T,
      [&](int64_t s, int64_t e) {
        // A run over bar lead began `age` bars before it.
        const int64_t origin = s < lead ? lead - age : s, first = origin + lookback;
        double* leaves = e == c.T ? kept : nullptr;
        if (leaves) keepRun(c, lookback, origin);
        if (e > lead && first < lead) {
          for (int64_t t = s; t < lead; ++t) out.putNaNAll(t, b0, nb);
          scan(b0, nb, Start{lead, origin, carried, leaves}, e);
          return;
        }
        const int64_t judged = e <= lead ? e : first;
        for (int64_t t = s; t < std::min(judged, e); ++t) out.putNaNAll(t, b0, nb);
        if (judged < e) scan(b0, nb, Start{first, origin, nullptr, leaves}, e);
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::pattern
