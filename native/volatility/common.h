// What several volatility measures share: TA-Lib's ATR over true ranges
// computed once per call (ATR, NATR) and the rolling-variance family (VAR,
// STDDEV, BBANDS and its bandwidth and %b).
#pragma once
#include <algorithm>
#include "../matype.h"
#include "../primitives.h"

namespace tagrid::volatility {

// TA-Lib ATR (Wilder smoothing of TRANGE,
// seeded with the mean of the first n true ranges) and NATR = ATR / close * 100
// (NaN when the close is 0). TR is computed once per call for every window.
// Seed 'first' (param seedParam) starts from the first bar's high − low, as
// TradingView's ta.atr does (ta.tr(true) into ta.rma), so there is no warm-up.
// Kernel state (per variant, kAtrState numbers): the average (its in-order
// sum while seeding), the run's last close and its age (-1 after a NaN bar,
// the rest then left as the run ended); a call whose bar 0 is valid
// continues the run.
// inputs: high, low, close. scratch: true ranges (T)
inline int64_t averageTrueRangeScratch(int64_t T) { return T; }
constexpr int kAtrState = 3;

inline double natrValue(double atr, double close) { return close != 0.0 ? (atr / close) * 100.0 : kNaN; }

template <typename Out>
int32_t averageTrueRange(const KernelCall& c, const OutView<Out>& out, bool normalized, int seedParam) {
  if (c.scratchLen < averageTrueRangeScratch(c.T)) return kScratchTooSmall;
  if ((c.stateIn || c.stateOut) && (!c.stateIn || c.stateLen < kAtrState * c.v1)) return kBadParam;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2];
  double* ranges = c.scratch;
  trueRanges(high, low, close, c.T, ranges);
  // The run the state stands in, continued by a valid bar 0: its age at bar -1, and bar 0's true range.
  int64_t age0 = -1;
  if (c.stateIn && c.T > 0 && validAt(c.in, 3, 0)) {
    const double* in = c.stateIn + kAtrState * c.v0;  // the same run in every variant
    age0 = static_cast<int64_t>(in[2]);
    if (age0 >= 0) ranges[0] = trueRange(high[0], low[0], in[1]);
  }
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    if (c.stateOut) {
      std::copy(c.stateIn + kAtrState * b0, c.stateIn + kAtrState * (b0 + nb), c.stateOut + kAtrState * b0);
      for (int j = 0; j < nb; ++j) c.stateOut[kAtrState * (b0 + j) + 2] = -1.0;
    }
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        const int64_t start = s == 0 ? -(age0 + 1) : s;  // the run's first bar
        const int64_t from = std::max(start + 1, s);      // its first true range in this call
        double state[kBlock], carried[kBlock];
        int64_t seedAt[kBlock];
        for (int j = 0; j < nb; ++j) {
          const double n = window[b0 + j];
          const bool first = seedsFirst(c, seedParam, b0 + j);
          seedAt[j] = first ? start : start + static_cast<int64_t>(n);
          carried[j] = start < s ? c.stateIn[kAtrState * (b0 + j)] : 0.0;  // the average, or the sum so far, at bar s - 1
          if (seedAt[j] < s) state[j] = carried[j];
          else state[j] = first ? high[s] - low[s] : seedAt[j] < e ? sumOnto(carried[j], ranges, from, seedAt[j] + 1 - from) / n : kNaN;
        }
        for (int64_t t = s; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            if (t > seedAt[j]) state[j] = wilderStep(state[j], ranges[t], window[b0 + j]);
            const double v = normalized ? natrValue(state[j], close[t]) : state[j];
            out.put(0, t, b0 + j, t >= seedAt[j] ? v : kNaN);
          }
        }
        if (!c.stateOut) return;
        for (int j = 0; j < nb; ++j) {
          double* to = c.stateOut + kAtrState * (b0 + j);
          to[0] = seedAt[j] < e ? state[j] : sumOnto(carried[j], ranges, from, e - from);
          to[1] = close[e - 1];
          to[2] = e == c.T ? static_cast<double>(e - 1 - start) : -1.0;
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// TA-Lib STDDEV and BBANDS take the standard deviation as 0 below a variance of 1e-14.
inline double taStddev(double variance) { return variance < 1e-14 ? 0.0 : std::sqrt(variance); }

// The rolling-variance family over one `source` input, from RollingMoments
// built once per chunk length: VAR; STDDEV (window, nbdev); BBANDS and its bandwidth
// and %b (window, mult, matype). Division by zero gives NaN. The bands of
// matype 'sma' take the moments' mean; another type's middle band is TA_MA
// over each valid run (bandsByType, one variant at a time; the 'wma' bands
// up to kDenseWma all from one diagonal, bandsByDenseWma) around the same
// standard deviation, as TA-Lib BBANDS.
// scratch: rolling moments (+ a middle band and TA_MA's work for the bands)
enum class Spread { kVariance, kStddev, kBands, kBandwidth, kPercentB };

inline int64_t bandsScratch(int64_t T, int64_t W) { return rollingMomentsScratch(T, W) + 2 * T; }

// One bar of the bands: mid, the deviation dev = mult * stddev, and x − mid
// (made without cancellation for the SMA).
template <Spread K, typename Out>
inline void putBands(const OutView<Out>& out, int64_t t, int64_t v, double mid, double dev, double fromMid) {
  const double upper = mid + dev, lower = mid - dev;
  if constexpr (K == Spread::kBands) {
    out.put(0, t, v, mid);
    out.put(1, t, v, upper);
    out.put(2, t, v, lower);
  } else if constexpr (K == Spread::kBandwidth) {
    out.put(0, t, v, mid != 0.0 ? (dev + dev) / mid : kNaN);
  } else {
    // (x - lower) / (upper - lower)
    out.put(0, t, v, upper != lower ? (fromMid + dev) / (dev + dev) : kNaN);
  }
}

template <Spread K, typename Out>
void bandsByType(const KernelCall& c, const OutView<Out>& out, const RollingMoments& m, int64_t v, double* mid, double* work) {
  const int type = matype::code(c.param[2][v]);
  const int64_t w = static_cast<int64_t>(c.param[0][v]);
  const int64_t first = std::max(matype::lookback(type, w), w - 1);
  const double* x = c.in[0];
  forEachSegment(c.in, 1, c.T,
    [&](int64_t s, int64_t e) {
      matype::average(type, w, x, s, e, mid, work);
      for (int64_t t = s; t < e; ++t) {
        if (t - s < first) { out.putNaNAll(t, v, 1); continue; }
        putBands<K>(out, t, v, mid[t], taStddev(m.variance(t, w)) * c.param[1][v], x[t] - mid[t]);
      }
    },
    [&](int64_t t) { out.putNaNAll(t, v, 1); });
}

// The middle bands of the block's 'wma' variants with windows up to
// kDenseWma (dense[0..count)), bar by bar from one diagonal of the source
// for all of them (matype::denseWma): the values of bandsByType.
template <Spread K, typename Out>
void bandsByDenseWma(const KernelCall& c, const OutView<Out>& out, const RollingMoments& m, const int64_t* dense, int count) {
  const double* x = c.in[0];
  ma::WmaDiagonal diag;
  int64_t n[kBlock];
  double scale[kBlock];
  for (int i = 0; i < count; ++i) {
    n[i] = static_cast<int64_t>(c.param[0][dense[i]]);
    scale[i] = matype::wmaScale(n[i]);
    diag.depth = std::max(diag.depth, static_cast<int>(n[i]));
  }
  forEachSegment(c.in, 1, c.T,
    [&](int64_t s, int64_t e) {
      for (int64_t t = s; t < e; ++t) {
        diag.push(x[t]);
        for (int i = 0; i < count; ++i) {
          const int64_t v = dense[i];
          if (t - s < n[i] - 1) { out.putNaNAll(t, v, 1); continue; }
          const double mid = diag.sums[n[i]] * scale[i];
          putBands<K>(out, t, v, mid, taStddev(m.variance(t, n[i])) * c.param[1][v], x[t] - mid);
        }
      }
    },
    [&](int64_t t) { for (int i = 0; i < count; ++i) out.putNaNAll(t, dense[i], 1); });
}

// The bands with a variant of another matype than 'sma' continue a stream's
// run from a state per variant instead of momentsInput's per source:
// [-stride, lead, age, the variant's TA_MA lane (matype::Lane; none for
// 'sma')], the stride negated to tell it from the per-source state (whose
// first number is a run length). The call's first `lead` bars (at least
// chunkFor of the longest window) are the stream's last inputs, so every
// chunk sum a bar from lead on reads starts in the call; `age` counts the
// valid bars of the run through bar lead - 1, the same in every variant.
// stateOut: the lanes as the last run left them (0 when the last bar is a
// gap) and that run's age at the last bar.
constexpr int64_t kBandsLaneHead = 3;

struct BandsLanes {
  int64_t stride = 0, lead = 0, age = 0, ageOut = 0;
  // Reads the state (kBadParam for a malformed one) and the age its run has at the call's last bar.
  int32_t read(const KernelCall& c, int64_t W) {
    stride = stateStride(c);
    if (!c.stateOut || stride < kBandsLaneHead) return kBadParam;
    const double* head = c.stateIn + stride * c.v0;
    lead = static_cast<int64_t>(head[1]);
    age = static_cast<int64_t>(head[2]);
    if (-head[0] != static_cast<double>(stride) || lead < RollingMoments::chunkFor(static_cast<double>(std::max<int64_t>(W, 1))) || lead >= c.T || age < 0) return kBadParam;
    for (int64_t v = c.v0; v < c.v1; ++v) {
      const matype::Lane lane = laneOf(c, v);
      if (lane.type != matype::kSma && (!matype::Lane::hasLane(lane.type, lane.n) || stride < kBandsLaneHead + lane.size())) return kBadParam;
    }
    int64_t s = c.T;
    while (s > 0 && validAt(c.in, 1, s - 1)) --s;
    ageOut = s == c.T ? 0 : c.T - origin(s);
    return kOk;
  }
  static matype::Lane laneOf(const KernelCall& c, int64_t v) { return {matype::code(c.param[2][v]), static_cast<int64_t>(c.param[0][v])}; }
  // The first bar of the run whose valid bars start at s (a run over bar lead began age bars before it).
  int64_t origin(int64_t s) const { return s < lead ? lead - age : s; }
  // The moments' input: the call's bars alone, the run going on from age - lead bars before bar 0 (a gap among the lead's bars restarts it).
  MomentsInput input(const KernelCall& c) const {
    MomentsInput in;
    in.x = c.in[0];
    in.run = static_cast<double>(std::max<int64_t>(age - lead, 0));
    in.scratch = c.scratch;
    return in;
  }
  // stateOut of variants [b0, b0 + nb): the state in, with the run's age at the last bar.
  void startBlock(const KernelCall& c, int64_t b0, int nb) const {
    std::copy(c.stateIn + stride * b0, c.stateIn + stride * (b0 + nb), c.stateOut + stride * b0);
    for (int j = 0; j < nb; ++j) c.stateOut[stride * (b0 + j) + 2] = static_cast<double>(ageOut);
  }
};

// The bars from lead on of variant v of another matype: its lane, stepped in stateOut from the state's, around the
// moments' deviation (bandsByType's values of a call over every bar).
template <Spread K, typename Out>
void bandsByLane(const KernelCall& c, const OutView<Out>& out, const RollingMoments& m, const BandsLanes& st, int64_t v) {
  const matype::Lane lane = BandsLanes::laneOf(c, v);
  const int64_t w = lane.n, first = std::max(matype::lookback(lane.type, w), w - 1);
  const double mult = c.param[1][v];
  const double* x = c.in[0];
  double* s = c.stateOut + st.stride * v + kBandsLaneHead;
  bool toEnd = false;
  for (int64_t t = 0; t < st.lead; ++t) out.putNaNAll(t, v, 1);
  forEachSegment(c.in, 1, c.T,
    [&](int64_t s0, int64_t e) {
      if (e <= st.lead) return;
      if (s0 >= st.lead) std::fill(s, s + lane.size(), 0.0);
      const int64_t origin = st.origin(s0);
      for (int64_t t = std::max(s0, st.lead); t < e; ++t) {
        const double mid = lane.push(s, x[t]);
        if (t - origin < first) {
          out.putNaNAll(t, v, 1);
          continue;
        }
        putBands<K>(out, t, v, mid, taStddev(m.variance(t, w)) * mult, x[t] - mid);
      }
      toEnd = e == c.T;
    },
    [&](int64_t t) { if (t >= st.lead) out.putNaNAll(t, v, 1); });
  if (!toEnd) std::fill(s, s + lane.size(), 0.0);
}

template <Spread K, typename Out>
int32_t spread(const KernelCall& c, const OutView<Out>& out) {
  constexpr bool bands = K != Spread::kVariance && K != Spread::kStddev;
  const int64_t W = callWindow(c, {0});
  if (c.scratchLen < (bands ? bandsScratch(c.T, W) : rollingMomentsScratch(c.T, W))) return kScratchTooSmall;
  // A state per variant (BandsLanes), or the per-source one (momentsInput).
  BandsLanes lanes;
  const bool laned = bands && c.stateIn && c.stateLen > 0 && c.stateIn[0] < 0.0;
  MomentsInput in;
  if (laned) {
    if (lanes.read(c, W) != kOk) return kBadParam;
    in = lanes.input(c);
  } else if (!momentsInput(c, 0, c.in[0], c.scratch, in)) {
    return kBadParam;
  }
  // With the per-source state, the middle band of every variant is the moments' mean.
  if (bands && c.stateIn && !laned)
    for (int64_t v = c.v0; v < c.v1; ++v)
      if (matype::code(c.param[2][v]) != matype::kSma) return kBadParam;
  // With the per-variant one, the bars before the lead are the stream's (NaN here; the moments start in the call).
  const int64_t t0 = laned ? lanes.lead : 0;
  RollingMoments m;
  const double* window = c.param[0];
  const double* mult = K == Spread::kVariance ? nullptr : c.param[1];
  forEachMomentsBlock(c, 0, in, m, [&](int64_t b0, int nb) {
    bool sma[kBlock];
    for (int j = 0; j < nb; ++j) sma[j] = !bands || matype::code(c.param[2][b0 + j]) == matype::kSma;
    if (laned) lanes.startBlock(c, b0, nb);
    for (int64_t t = 0; t < t0; ++t)
      for (int j = 0; j < nb; ++j)
        if (sma[j]) out.putNaNAll(t, b0 + j, 1);
    for (int64_t t = t0; t < c.T; ++t) {
      for (int64_t v = b0; v < b0 + nb; ++v) {
        if (!sma[v - b0]) continue;
        const int64_t w = static_cast<int64_t>(window[v]);
        if (!m.valid(t, w)) { out.putNaNAll(t, v, 1); continue; }
        const double variance = m.variance(t, w);
        if constexpr (K == Spread::kVariance) {
          out.put(0, t, v, variance);
        } else if constexpr (K == Spread::kStddev) {
          out.put(0, t, v, taStddev(variance) * mult[v]);
        } else {
          putBands<K>(out, t, v, m.mean(t, w), taStddev(variance) * mult[v], m.deviation(t, w));
        }
      }
    }
    if constexpr (bands) {
      double* mid = c.scratch + rollingMomentsScratch(c.T, W);
      int64_t dense[kBlock];
      int count = 0;
      for (int j = 0; j < nb; ++j) {
        if (sma[j]) continue;
        if (laned) bandsByLane<K>(c, out, m, lanes, b0 + j);
        else if (matype::denseWma(matype::code(c.param[2][b0 + j]), static_cast<int64_t>(window[b0 + j]))) dense[count++] = b0 + j;
        else bandsByType<K>(c, out, m, b0 + j, mid, mid + c.T);
      }
      if (count > 0) bandsByDenseWma<K>(c, out, m, dense, count);
    }
  });
  return kOk;
}

}  // namespace tagrid::volatility
