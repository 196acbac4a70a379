// momentum.stoch_rsi: TA-Lib STOCHRSI, i.e. STOCHF with the
// RSI as high, low and close. params rsi_window, k_window, d_window,
// k_smoothing (an SMA of %K before %D, TradingView's smoothK; 1 = none, as
// TA-Lib: an SMA over one bar is the value itself, bit for bit),
// zero_denominator (param 4), seed (param 5: the RSI's Wilder averages start
// with the mean of the first n changes, TA-Lib, or the first change alone),
// fastd_matype (param 6: variants with another type than 'sma' go through
// kdByType, one at a time). The RSI is
// computed once per run of variants sharing rsi_window, its rolling range per
// variant by monotonic deques. On flat stretches the RSI values of a window
// differ only in their last bits, so %K jumps between 0 and 100 there, as in
// TA-Lib. scratch: rsi by seed (2T) + two deques, a %D ring and a %K ring per
// block slot + kdByType's
#pragma once
#include "common.h"

namespace tagrid::momentum::stoch_rsi {

// TA-Lib RSI (as momentum.rsi) of the valid run from bar s to e - 1, from
// bar s + m on: the averages are seeded with the means of the first m
// changes (m = n, or 1 for seed 'first'), then Wilder's over n. Steps bars
// [from, e) (from > s: later than s + 1 when a kernel state carries the run
// to bar from - 1), gain and loss the averages (the sums so far while
// seeding) in and out.
inline void rsiRun(const double* x, int64_t s, int64_t from, int64_t e, int64_t n, int64_t m, double& gain, double& loss, double* rsi) {
  const double nd = static_cast<double>(n), md = static_cast<double>(m);
  for (int64_t t = from; t < e; ++t) {
    const double d = x[t] - x[t - 1];
    const double up = d > 0.0 ? d : 0.0, down = d < 0.0 ? -d : 0.0;
    if (t <= s + m) {  // seed: the means over bars s+1 .. s+m
      gain += up;
      loss += down;
      if (t < s + m) continue;
      gain /= md;
      loss /= md;
    } else {
      gain = wilderStep(gain, up, nd);
      loss = wilderStep(loss, down, nd);
    }
    rsi[t] = rsiFromAverages(gain, loss);
  }
}

// Kernel state (per variant, 'sma' %D type only; docs/adding-an-indicator.md):
//   [stride, lead, age, gain, loss, rsis, slow %K's RunningMean state, %D's,
//    the last k_window RSI values, oldest first]
// as STOCHF's (kStochasticHead: stride, lead, age), with the RSI's averages
// (the sums so far while seeding) and the count of RSI values of the run
// (rsis) at bar lead - 1, the same in every variant of an rsi_window and
// seed. The call's first `lead` bars (lead >= k_window - 1, k_smoothing,
// d_window) stand before the state's point; of them the kernel reads only
// bar lead - 1 (bar lead's change, NaN after a gap), and it puts the ring's
// RSI values back at bars lead - k_window + 1 .. lead - 1 of its RSI, where
// the rolling range reads them. stateOut: the last run's averages, count, means and RSI values (0
// for none) and its age at the last bar (0 after a gap).
constexpr int64_t kStochRsiHead = kStochasticHead + 3;
inline int64_t stochRsiRing(const KernelCall& c, int64_t v) {
  return kStochRsiHead + 2 * RunningMean::kStateHead + static_cast<int64_t>(c.param[3][v]) + static_cast<int64_t>(c.param[2][v]);
}

// The state's stride, lead and age, checked against every variant of the call (stride 0: none).
struct StochRsiState {
  int64_t stride = 0, lead = 0, age = 0;
  int32_t read(const KernelCall& c) {
    if (!c.stateIn && !c.stateOut) return kOk;
    if (!c.stateIn || c.stateLen < kStochasticHead) return kBadParam;
    stride = static_cast<int64_t>(c.stateIn[0]);
    if (!(stride > 0 && c.stateLen >= stride * c.v1)) return kBadParam;
    lead = static_cast<int64_t>(c.stateIn[stride * c.v0 + 1]);  // the call's source run's, in each of its variants
    age = static_cast<int64_t>(c.stateIn[stride * c.v0 + 2]);
    if (!(lead >= 0 && lead < c.T && age >= 0)) return kBadParam;
    for (int64_t v = c.v0; v < c.v1; ++v) {
      const int64_t kw = static_cast<int64_t>(c.param[1][v]);
      if (!KdTypes(c, -1, 6, v).sma() || lead < kw - 1 || lead < c.param[2][v] || lead < c.param[3][v]) return kBadParam;
      if (stride < stochRsiRing(c, v) + kw) return kBadParam;
    }
    return kOk;
  }
  const double* in(const KernelCall& c, int64_t v) const { return c.stateIn + stride * v; }
  double* out(const KernelCall& c, int64_t v) const { return c.stateOut + stride * v; }
};

// The RSI of one seed over the call, run by run: with a state, bars before
// the lead are the stream's (the ring's values go back in at the bars the
// range reads) and a run over bar lead began `age` bars before it. last: the
// averages, count, first bar and end of the last run computed (`on`: any).
struct RsiLine {
  double gain = 0.0, loss = 0.0;
  int64_t rsis = 0, origin = 0, end = 0;
  bool on = false;
};

inline void rsiLine(const KernelCall& c, const StochRsiState& st, int64_t r0, int64_t r1, bool first, int64_t n, double* rsi, RsiLine& last) {
  const int64_t m = first ? 1 : n;
  const double* x = c.in[0];
  const double* in = nullptr;  // the state of the run's first variant of this seed
  for (int64_t v = r0; v < r1 && st.stride > 0 && !in; ++v)
    if (seedsFirst(c, 5, v) == first) in = st.in(c, v);
  if (in) {
    last.gain = in[3];
    last.loss = in[4];
    last.rsis = static_cast<int64_t>(in[5]);
    // The ring's values at the bars before the lead: every variant's are the last of the same RSI.
    for (int64_t v = r0; v < r1; ++v) {
      if (seedsFirst(c, 5, v) != first) continue;
      const int64_t kw = static_cast<int64_t>(c.param[1][v]);
      const double* ring = st.in(c, v) + stochRsiRing(c, v);
      for (int64_t i = 1; i < kw; ++i) rsi[st.lead - kw + i] = ring[i];
    }
  }
  forEachSegment(c.in, 1, c.T, [&](int64_t s, int64_t e) {
    if (in && e <= st.lead) return;
    const bool goesOn = in && s < st.lead;
    const int64_t origin = goesOn ? st.lead - st.age : s;
    double gain = goesOn ? last.gain : 0.0, loss = goesOn ? last.loss : 0.0;
    rsiRun(x, origin, goesOn ? st.lead : s + 1, e, n, m, gain, loss, rsi);
    last = {gain, loss, std::max<int64_t>(0, e - origin - m), origin, e, true};
  }, [](int64_t) {});
}

// Variants [b0, b0 + nb)'s stateOut after the call: the last run of their
// RSI (last, by seed; the state in where none ran) and their means as it left them.
inline void keepStochRsi(const KernelCall& c, const StochRsiState& st, int64_t b0, int nb, const RsiLine* last, double* const* rsiBy, const RunningMean* slowK, const RunningMean* dLine) {
  for (int j = 0; j < nb; ++j) {
    const int64_t v = b0 + j, kw = static_cast<int64_t>(c.param[1][v]);
    const bool first = seedsFirst(c, 5, v);
    const RsiLine& l = last[first];
    double* to = st.out(c, v);
    to[0] = static_cast<double>(st.stride);
    to[1] = static_cast<double>(st.lead);
    to[2] = l.on && l.end == c.T ? static_cast<double>(c.T - l.origin) : 0.0;
    to[3] = l.gain;
    to[4] = l.loss;
    to[5] = static_cast<double>(l.rsis);
    slowK[j].save(to + kStochRsiHead);
    dLine[j].save(to + kStochRsiHead + RunningMean::kStateHead + slowK[j].n);
    double* ring = to + stochRsiRing(c, v);
    const double* in = st.in(c, v) + stochRsiRing(c, v);
    const int64_t rsiFrom = l.origin + (first ? 1 : static_cast<int64_t>(c.param[0][v]));
    for (int64_t i = 0; i < kw; ++i) {
      const int64_t t = l.end - kw + i;
      ring[i] = !l.on ? in[i] : t >= rsiFrom ? rsiBy[first][t] : 0.0;
    }
  }
}

inline int64_t scratch(int64_t T, int64_t W) { return 2 * T + 4 * kBlock * windowCapacity(T, W) + kdByTypeScratch(T); }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const int64_t W = callWindow(c, {0, 1, 2, 3});
  if (c.scratchLen < scratch(c.T, W)) return kScratchTooSmall;
  if (!windowsFit(c, 0) || !windowsFit(c, 1) || !windowsFit(c, 2) || !windowsFit(c, 3)) return kBadParam;
  StochRsiState st;
  if (st.read(c) != kOk) return kBadParam;
  double* rsiBy[2] = {c.scratch, c.scratch + c.T};  // by seed: 'sma', 'first'
  const int64_t cap = windowCapacity(c.T, W);
  int64_t* highIdx = reinterpret_cast<int64_t*>(c.scratch + 2 * c.T);
  int64_t* lowIdx = highIdx + kBlock * cap;
  double* rings = c.scratch + 2 * c.T + 2 * kBlock * cap;
  double* ringsK = rings + kBlock * cap;
  double* byType = ringsK + kBlock * cap;
  for (int64_t r0 = c.v0, r1; r0 < c.v1; r0 = r1) {
    const double rsiWindow = c.param[0][r0];
    for (r1 = r0 + 1; r1 < c.v1 && c.param[0][r1] == rsiWindow; ++r1) {}
    const int64_t n = static_cast<int64_t>(rsiWindow);
    bool used[2] = {false, false};
    for (int64_t v = r0; v < r1; ++v) used[seedsFirst(c, 5, v)] = true;
    RsiLine last[2];
    for (int first = 0; first < 2; ++first)
      if (used[first]) rsiLine(c, st, r0, r1, first, n, rsiBy[first], last[first]);
    KernelCall part = c;
    part.v0 = r0;
    part.v1 = r1;
    forEachBlock(part, [&](int64_t b0, int nb) {
      int64_t kw[kBlock], from[kBlock], rsiFrom[kBlock];
      const double* rsiOf[kBlock];
      bool sma[kBlock];
      RunningMean dLine[kBlock], slowK[kBlock];
      for (int j = 0; j < nb; ++j) {
        sma[j] = KdTypes(c, -1, 6, b0 + j).sma();  // k_smoothing is always an SMA
        kw[j] = static_cast<int64_t>(c.param[1][b0 + j]);
        const bool first = seedsFirst(c, 5, b0 + j);
        from[j] = first ? 1 : n;  // the RSI's first bar, after the run's first
        rsiOf[j] = rsiBy[first];
        dLine[j].reset(rings + j * cap, static_cast<int64_t>(c.param[2][b0 + j]));
        slowK[j].reset(ringsK + j * cap, static_cast<int64_t>(c.param[3][b0 + j]));
        if (!st.stride) continue;
        const double* in = st.in(c, b0 + j) + kStochRsiHead;
        slowK[j].load(in);
        dLine[j].load(in + RunningMean::kStateHead + slowK[j].n);
      }
      forEachSegment(c.in, 1, c.T,
        [&](int64_t s, int64_t e) {
          if (st.stride && e <= st.lead) {
            for (int64_t t = s; t < e; ++t) out.putNaNAll(t, b0, nb);
            return;
          }
          const bool goesOn = st.stride && s < st.lead;
          const int64_t origin = goesOn ? st.lead - st.age : s, t0 = goesOn ? st.lead : s;
          for (int64_t t = s; t < t0; ++t) out.putNaNAll(t, b0, nb);
          MonotonicDeque<true> highest[kBlock];
          MonotonicDeque<false> lowest[kBlock];
          for (int j = 0; j < nb; ++j) {
            highest[j].reset(highIdx + j * cap, cap);
            lowest[j].reset(lowIdx + j * cap, cap);
            rsiFrom[j] = origin + from[j];
            if (!goesOn) {
              dLine[j].reset(dLine[j].ring, dLine[j].n);
              slowK[j].reset(slowK[j].ring, slowK[j].n);
            }
            // Going on: the RSI values before the lead that bar lead's range reads.
            for (int64_t t = std::max(rsiFrom[j], t0 - kw[j] + 1); t < t0 && sma[j]; ++t) {
              highest[j].push(rsiOf[j], t, kw[j]);
              lowest[j].push(rsiOf[j], t, kw[j]);
            }
          }
          for (int64_t t = t0; t < e; ++t) {
            for (int j = 0; j < nb; ++j) {
              if (!sma[j]) continue;
              bool has = false, blank = false;
              double fast = kNaN;
              const double* rsi = rsiOf[j];
              if (t >= rsiFrom[j]) {
                highest[j].push(rsi, t, kw[j]);
                lowest[j].push(rsi, t, kw[j]);
                if (t - rsiFrom[j] >= kw[j] - 1) {
                  const double hh = rsi[highest[j].front()], ll = rsi[lowest[j].front()];
                  fast = slowK[j].push(stochK(rsi[t], hh, ll));
                  has = !std::isnan(fast);
                  blank = stochBlank(c, 4, b0 + j, hh, ll);
                }
              }
              putKD(out, t, b0 + j, has, fast, dLine[j], blank);
            }
          }
          for (int j = 0; j < nb; ++j) {
            if (sma[j]) continue;
            const int64_t v = b0 + j;
            const double* rsi = rsiOf[j];
            highest[j].reset(highIdx + j * cap, cap);
            lowest[j].reset(lowIdx + j * cap, cap);
            for (int64_t t = rsiFrom[j]; t < e; ++t) {
              highest[j].push(rsi, t, kw[j]);
              lowest[j].push(rsi, t, kw[j]);
              if (t - rsiFrom[j] >= kw[j] - 1) fastKAt(byType, c.T, t, rsi[t], rsi[highest[j].front()], rsi[lowest[j].front()]);
            }
            kdByType(out, v, KdTypes(c, -1, 6, v), c.T, byType, s, rsiFrom[j] + kw[j] - 1, e, static_cast<int64_t>(c.param[3][v]),
                     static_cast<int64_t>(c.param[2][v]), std::isnan(zeroDenominator(c, 4, v, 0.0)));
          }
        },
        [&](int64_t t) { out.putNaNAll(t, b0, nb); });
      if (c.stateOut) keepStochRsi(c, st, b0, nb, last, rsiBy, slowK, dLine);
    });
  }
  return kOk;
}

}  // namespace tagrid::momentum::stoch_rsi
