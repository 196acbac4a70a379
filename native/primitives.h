// Building blocks every kernel shares: validity segments (the NaN policy),
// prefix sums, Wilder and EMA steps, true range. asm/primitives.ts mirrors them.
#pragma once
#include <algorithm>
#include <initializer_list>
#include "abi.h"

namespace tagrid {

// A bar is valid when every input column the kernel reads is a number there.
inline bool validAt(const double* const* cols, int nCols, int64_t t) {
  for (int i = 0; i < nCols; ++i)
    if (std::isnan(cols[i][t])) return false;
  return true;
}

// A run carried in kernel state (ADX, PSAR/SAREXT, Keltner, Supertrend, the
// ATR-normalised values): per variant S numbers with, at `age`, the run's
// age at its last bar (-1 after a NaN bar), then that bar's first `inputs`
// inputs; the same run in every variant. carriedRun gives the bars of bar
// 0's run before the call (0: bar 0 starts a run, or there is no state).
inline int64_t carriedRun(const KernelCall& c, int S, int age, int inputs) {
  if (!c.stateIn || c.T == 0 || !validAt(c.in, inputs, 0)) return 0;
  const double a = c.stateIn[S * c.v0 + age];
  return a < 0.0 ? 0 : static_cast<int64_t>(a) + 1;
}

// stateOut of variants [b0, b0 + nb) as a call without a valid bar leaves
// it: the state in, the age -1 and the call's last bar; the segment ending
// at the last bar then sets the age, each segment its averages.
inline void leaveRun(const KernelCall& c, int S, int age, int inputs, int64_t b0, int nb) {
  for (int j = 0; j < nb; ++j) {
    double* to = c.stateOut + S * (b0 + j);
    std::copy(c.stateIn + S * (b0 + j), c.stateIn + S * (b0 + j + 1), to);
    to[age] = -1.0;
    for (int k = 0; k < inputs && c.T > 0; ++k) to[age + 1 + k] = c.in[k][c.T - 1];
  }
}

// NaN policy: a stateful chain restarts after a gap as if the series began at
// the next valid bar. Calls segment(s, e) for each maximal run [s, e) of valid
// bars and gap(t) for every invalid bar, in time order.
template <typename Segment, typename Gap>
inline void forEachSegment(const double* const* cols, int nCols, int64_t T,
                           Segment&& segment, Gap&& gap) {
  int64_t t = 0;
  while (t < T) {
    if (!validAt(cols, nCols, t)) { gap(t); ++t; continue; }
    int64_t s = t;
    while (t < T && validAt(cols, nCols, t)) ++t;
    segment(s, t);
  }
}

// Calls block(b0, nb) for consecutive blocks of at most c.blockWidth variants.
template <typename Block>
inline void forEachBlock(const KernelCall& c, Block&& block) {
  const int64_t width = std::min<int64_t>(c.blockWidth, kBlock);
  for (int64_t b0 = c.v0; b0 < c.v1; b0 += width) {
    if (c.cancel && *c.cancel) return;  // cancelled: leave the rest unwritten
    block(b0, static_cast<int>(std::min<int64_t>(width, c.v1 - b0)));
  }
}

// Error-free transformations: s + twoSumError(a, b, s) == a + b exactly when
// s = a + b (Knuth's TwoSum, no branch), and p + twoProductError(a, b, p) ==
// a * b exactly when p = a * b (Dekker's split, no FMA: the addon is built
// with -ffp-contract=off and wasm has no FMA, so both give the same bits).
// (A template, so a pair of lanes (wmaSlideRun) takes the same operations.)
template <typename T>
inline T twoSumError(T a, T b, T s) {
  const T bb = s - a;
  return (a - (s - bb)) + (b - bb);
}

inline void splitHalves(double a, double& hi, double& lo) {
  const double c = 134217729.0 * a;  // 2^27 + 1
  hi = c - (c - a);
  lo = a - hi;
}

inline double twoProductError(double a, double b, double p) {
  double ah, al, bh, bl;
  splitHalves(a, ah, al);
  splitHalves(b, bh, bl);
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

// Compensated prefix sums, restarted at every run of valid bars: prefix[2i]
// (hi) + prefix[2i+1] (lo) is the sum of x over the valid bars from the start
// of the run holding bar i-1 to bar i-1, hi the running float sum and lo the
// sum of its rounding errors (each exact, by TwoSum); 0 after a NaN bar. So
// a run's sums never depend on what precedes it, and a window sum
// (hi_b - hi_a) + (lo_b - lo_a) errs by one rounding of the result plus
// the rounding of lo over the window's w bars, about w * eps^2 * |hi|: below
// 1e-15 of the window's scale even 10^7 bars into a run whose level fell
// 1000x (a plain prefix sum errs by eps * |hi|, 1e-8 there).
// lastGap[t] = index of the last invalid bar at or before t (or -1): a window
// [t-w+1, t] is NaN-free exactly when t - lastGap[t] >= w.
inline int64_t prefixLength(int64_t T) { return 2 * T + 2; }

// Continuing a run (a kernel with state): (hi, lo) is the pair before bar 0
// and `run` the count of valid bars ending there, so every later entry and
// lastGap[t] - t are those of a call over all the bars.
inline void prefixSums(const double* x, int64_t T, double* prefix, double* lastGap, double hi = 0.0, double lo = 0.0, double run = 0.0) {
  double gap = -1.0 - run;
  prefix[0] = hi;
  prefix[1] = lo;
  for (int64_t t = 0; t < T; ++t) {
    if (std::isnan(x[t])) {
      gap = static_cast<double>(t);
      hi = lo = 0.0;
    } else {
      const double s = hi + x[t];
      lo += twoSumError(hi, x[t], s);
      hi = s;
    }
    prefix[2 * t + 2] = hi;
    prefix[2 * t + 3] = lo;
    lastGap[t] = gap;
  }
}

// Sum of x[t-w+1 .. t] from its prefixSums (a NaN-free window).
inline double prefixWindowSum(const double* prefix, int64_t t, int64_t w) {
  const double* b = prefix + 2 * (t + 1);
  const double* a = prefix + 2 * (t + 1 - w);
  return (b[0] - a[0]) + (b[1] - a[1]);
}

// A sum kept with its rounding error (Neumaier/TwoSum on every add and
// subtract), for running window sums that slide along a whole run: the
// error stays O(eps^2) of the values summed instead of growing as a random
// walk of eps-sized roundings.
inline void compensatedAdd(double& sum, double& err, double x) {
  const double s = sum + x;
  err += twoSumError(sum, x, s);
  sum = s;
}

// lastGap[t] = index of the last NaN of x at or before t (or -1): the window
// [t-w+1, t] is NaN-free exactly when t - lastGap[t] >= w.
inline void lastGaps(const double* x, int64_t T, double* lastGap) {
  double gap = -1.0;
  for (int64_t t = 0; t < T; ++t) {
    if (std::isnan(x[t])) gap = static_cast<double>(t);
    lastGap[t] = gap;
  }
}

// lastGaps over the bars where any of the first nCols inputs is NaN.
inline void inputGaps(const KernelCall& c, int nCols, double* lastGap) {
  double gap = -1.0;
  for (int64_t t = 0; t < c.T; ++t) {
    if (!validAt(c.in, nCols, t)) gap = static_cast<double>(t);
    lastGap[t] = gap;
  }
}

// True when param p of every variant is a window in [1, kMaxWindow], the
// range per-variant scratch (rings, deques, sparse-table levels) is sized for.
inline bool windowsFit(const KernelCall& c, int p) {
  for (int64_t v = c.v0; v < c.v1; ++v) {
    const double w = c.param[p][v];
    if (!(w >= 1.0 && w <= static_cast<double>(kMaxWindow))) return false;
  }
  return true;
}

// Largest value of param p over the call's variants (e.g. the longest window,
// so per-call tables are built no deeper than needed).
inline double maxParam(const KernelCall& c, int p) {
  double m = 0.0;
  for (int64_t v = c.v0; v < c.v1; ++v) m = std::max(m, c.param[p][v]);
  return m;
}

// The kernel state of a kernel whose call's first `lead` bars are the bars
// before the state (KernelStateMap.lead; docs/adding-an-indicator.md, "Kernel
// state"): per variant [lead, age, the kernel's own numbers], `age` the
// valid bars of the run through bar lead - 1, the same in every variant.
// Bars before the lead are the stream's (NaN here); a run over bar lead
// began `age` bars before it and goes on from the state there.
struct LeadState {
  int64_t lead = 0, age = 0;
  bool on = false;
  // Reads the state, refused (kBadParam) unless lead >= minLead and lead < T.
  int32_t read(const KernelCall& c, int64_t perVariant, int64_t minLead) {
    if (!c.stateIn && !c.stateOut) return kOk;
    if (!c.stateIn || c.stateLen < perVariant * c.v1) return kBadParam;
    const double* in = c.stateIn + perVariant * c.v0;
    lead = static_cast<int64_t>(in[0]);
    age = static_cast<int64_t>(in[1]);
    on = true;
    return lead >= minLead && lead < c.T && age >= 0 ? kOk : kBadParam;
  }
  // The run [s, e): its first bar (origin, before s when it goes on from the state) and its first bar to compute.
  struct Run {
    bool goesOn;
    int64_t origin, from;
  };
  Run run(int64_t s, int64_t e) const {
    const bool goesOn = on && s < lead;
    return {goesOn, goesOn ? lead - age : s, goesOn ? std::min(lead, e) : s};
  }
  // stateOut of a block before its runs: the state in, no run going on.
  void startBlock(const KernelCall& c, int64_t perVariant, int64_t b0, int nb) const {
    if (!c.stateOut) return;
    std::copy(c.stateIn + perVariant * b0, c.stateIn + perVariant * (b0 + nb), c.stateOut + perVariant * b0);
    for (int j = 0; j < nb; ++j) c.stateOut[perVariant * (b0 + j) + 1] = 0.0;
  }
  // Variant v's stateOut after the run [origin, e): lead, age (0 unless it reaches the last bar); the rest is the caller's.
  double* keep(const KernelCall& c, int64_t perVariant, int64_t v, int64_t origin, int64_t e) const {
    double* to = c.stateOut + perVariant * v;
    to[0] = static_cast<double>(lead);
    to[1] = e == c.T ? static_cast<double>(e - origin) : 0.0;
    return to;
  }
};

// rev[i] = x[T-1-i]. For a block of consecutive windows (w[j] = w[0] + j)
// the operands x[t - w[j]] are a backward run of x, which is a forward run
// of rev: the loop over the block then reads memory in order, no gathers.
inline void reversed(const double* x, int64_t T, double* rev) {
  for (int64_t t = 0; t < T; ++t) rev[T - 1 - t] = x[t];
}

// reversed for the n (hi, lo) pairs of prefixSums, the his and the los
// apart (each a forward run for a block of consecutive windows, read with
// plain vector loads): revHi[n-1-i] = hi of pair i, revLo[n-1-i] = its lo.
inline void reversedPairs(const double* x, int64_t n, double* revHi, double* revLo) {
  for (int64_t i = 0; i < n; ++i) {
    revHi[n - 1 - i] = x[2 * i];
    revLo[n - 1 - i] = x[2 * i + 1];
  }
}

// Sequential sum of x[from .. from+n), the order TA-Lib seeds averages in.
inline double sumRange(const double* x, int64_t from, int64_t n) {
  double s = 0.0;
  for (int64_t i = 0; i < n; ++i) s += x[from + i];
  return s;
}

// acc + x[from] + ... + x[from + n - 1], in order: sumRange continued from a
// running sum (a seed summed across kernel calls, "Kernel state").
inline double sumOnto(double acc, const double* x, int64_t from, int64_t n) {
  for (int64_t i = 0; i < n; ++i) acc += x[from + i];
  return acc;
}

// TA-Lib's EMA update, in its operation order.
inline double emaStep(double prev, double x, double k) { return (x - prev) * k + prev; }

// Wilder's smoothing, in TA-Lib's operation order (RSI, ATR).
inline double wilderStep(double prev, double x, double n) { return (prev * (n - 1.0) + x) / n; }

// TA-Lib's SMA of a series made on the fly (STOCH's %K and %D): a running
// sum that adds the newest value, emits sum / n, then drops the oldest, its
// rounding errors kept (compensatedAdd) so it does not drift along a long
// run. The caller's ring holds the last n values.
struct RunningMean {
  double* ring = nullptr;
  int64_t n = 1, pos = 0, count = 0;
  double sum = 0.0, err = 0.0;

  void reset(double* buffer, int64_t window) {
    ring = buffer;
    n = window;
    pos = count = 0;
    sum = err = 0.0;
  }
  // Feeds x; the mean of the last n values once n have arrived, else NaN.
  double push(double x) {
    ring[pos] = x;
    compensatedAdd(sum, err, x);
    if (++pos == n) pos = 0;
    if (++count < n) return kNaN;
    const double mean = (sum + err) / static_cast<double>(n);
    compensatedAdd(sum, err, -ring[pos]);  // the oldest value of this window
    return mean;
  }
  // Kernel state (docs/adding-an-indicator.md, "Kernel state"): [pos, count,
  // sum, err, the ring's n slots], a slot not written since reset() 0.
  static constexpr int64_t kStateHead = 4;
  void load(const double* from) {
    pos = static_cast<int64_t>(from[0]);
    count = static_cast<int64_t>(from[1]);
    sum = from[2];
    err = from[3];
    for (int64_t i = 0; i < n; ++i) ring[i] = from[kStateHead + i];
  }
  void save(double* to) const {
    to[0] = static_cast<double>(pos);
    to[1] = static_cast<double>(count);
    to[2] = sum;
    to[3] = err;
    for (int64_t i = 0; i < n; ++i) to[kStateHead + i] = i < count ? ring[i] : 0.0;
  }
};

// The `seed` choice param (src/indicators/params.ts SEEDS), by code: 'sma'
// seeds an average with the mean of its first n values (TA-Lib), 'first' with
// its first value (pandas ewm(adjust=False), TradingView ta.ema).
constexpr double kSeedFirst = 1.0;
inline bool seedsFirst(const KernelCall& c, int p, int64_t v) { return c.param[p][v] == kSeedFirst; }

// The `zero_denominator` choice param (ZERO_DENOMINATORS in
// src/indicators/params.ts), by code: 'talib' = 0 writes TA-Lib's number for
// a 0/0 bar, 'nan' = 1 writes NaN. Returns what the bar gets.
constexpr double kZeroDenominatorNaN = 1.0;
inline double zeroDenominator(const KernelCall& c, int p, int64_t v, double talib) {
  return c.param[p][v] == kZeroDenominatorNaN ? kNaN : talib;
}

// An average fed one value at a time, for series made on the fly (MACD's
// signal, TRIX's chain, the ATR of true ranges inside another kernel): the
// plain mean of the first n values seeds it, summed in order as sumRange
// does (or, seeding from the first value, that value alone), then TA-Lib's
// EMA step (k = 2/(n+1)) or Wilder's step.
template <bool Wilder>
struct SeededAverage {
  double n = 0.0, k = 0.0, value = 0.0;  // value holds the running sum until seeded
  int64_t count = 0, period = 0;          // period: values averaged into the seed

  void reset(double window, bool seedFirst = false) {
    n = window;
    k = 2.0 / (window + 1.0);
    value = 0.0;
    count = 0;
    period = seedFirst ? 1 : static_cast<int64_t>(window);
  }
  bool ready() const { return count >= period; }
  // Feeds x; true once the average is defined, from the n-th value on.
  bool push(double x) {
    if (ready()) {
      value = Wilder ? wilderStep(value, x, n) : emaStep(value, x, k);
      return true;
    }
    value += x;
    if (++count < period) return false;
    value /= static_cast<double>(period);  // n itself when seeding with the mean: windows are whole
    return true;
  }
};
using EmaStream = SeededAverage<false>;
using WilderStream = SeededAverage<true>;

// TA-Lib's WMA (weights 1..n, newest n, divider n(n+1)/2) as running sums,
// O(1) per bar: `sum` the weighted sum of the window and `sub` its plain
// sum, each beside the sum of its rounding errors (sumErr, subErr). Every
// add is a TwoSum, and x * weight goes in as the exact products of x's two
// halves (weights are integers below 2^17, halves 26 bits), so the WMA stays
// within a few ulps of exact however long the run; TA-Lib's plain sums drift
// (2.4e-6 relative 10^6 bars after a 1000x level drop) as each bar's
// rounding of `sub` is carried on in `sum`. Start from zeros, prime the
// first n-1 values with weights 1..n-1, then wmaNext slides the window
// (trailing = the value leaving it, 0 until one does) and returns the WMA,
// in TA-Lib's order of updates.
inline double wmaDivider(double n) { return n * (n + 1.0) / 2.0; }

// sum + sumErr += x * weight, exactly but for the rounding of sumErr.
inline void weightedAdd(double& sum, double& sumErr, double x, double weight) {
  double hi, lo;
  splitHalves(x, hi, lo);
  const double p = hi * weight;
  const double s = sum + p;
  sumErr += twoSumError(sum, p, s) + lo * weight;
  sum = s;
}

inline void wmaPrime(double& sum, double& sumErr, double& sub, double& subErr, double x, double weight) {
  compensatedAdd(sub, subErr, x);
  weightedAdd(sum, sumErr, x, weight);
}

// (Always inlined: the kernels' hot loops call it once per lane and bar.)
[[gnu::always_inline]] inline double wmaNext(double& sum, double& sumErr, double& sub, double& subErr, double x, double trailing, double n, double divider) {
  compensatedAdd(sub, subErr, x);
  compensatedAdd(sub, subErr, -trailing);
  weightedAdd(sum, sumErr, x, n);
  const double w = (sum + sumErr) / divider;
  compensatedAdd(sum, sumErr, -sub);
  sumErr -= subErr;
  return w;
}

// TA-Lib TRANGE for a bar with a previous close.
inline double trueRange(double high, double low, double prevClose) {
  double r = high - low;
  double a = std::fabs(prevClose - high);
  if (a > r) r = a;
  double b = std::fabs(low - prevClose);
  if (b > r) r = b;
  return r;
}

// True range of every bar from bar 1 on; tr[0] is left as it is.
inline void trueRanges(const double* high, const double* low, const double* close, int64_t T, double* tr) {
  for (int64_t t = 1; t < T; ++t) tr[t] = trueRange(high[t], low[t], close[t - 1]);
}

// TA-Lib's TA_IS_ZERO.
inline bool nearZero(double x) { return x > -1e-14 && x < 1e-14; }

// TA-Lib's RSI from Wilder averages of gains and losses, in its operation
// order (which decides ill-conditioned flat windows, e.g. under STOCHRSI).
inline double rsiFromAverages(double gain, double loss) {
  const double sum = gain + loss;
  return nearZero(sum) ? 0.0 : 100.0 * (gain / sum);
}

// Rolling mean and population variance for a whole grid of windows (VAR,
// STDDEV, BBANDS, z-scores, ...), O(1) per window from sums built once per
// chunk length. Each run of valid bars is cut into chunks of L bars (a power
// of two, at least 512 and 2 * window: chunkFor(window)) twice: from the run's start, and L/2 bars
// later (that grid's first chunk is the run's first L/2 bars). Every window
// then lies whole inside a chunk of one grid or the other. A chunk keeps
// running double-double sums (hi + lo) of d = x - a and d^2, a being its first
// value, with d and d^2 themselves made exact by TwoSum / TwoProduct: a
// window's sums S1, S2 are exact to about eps^2 * sum(d^2). The variance is
// (n * S2 - S1^2) / n^2 with both products exact (TwoProduct), so the
// one-pass formula's cancellation costs eps^2 * (mean - a)^2 / variance of
// relative accuracy rather than eps * (mean - a)^2 / variance (1e-10 and
// worse with d taken from a value 1,000 bars away): a few ulps where prices
// drift or jump 1000x. Why not Welford: it cannot drop the oldest point
// without the same cancellation, and it would serve one window per pass. All
// of it restarts at a run's start, so a run's values never depend on what
// precedes it. Windows shorter than kDirectBelow are summed directly as
// deviations from their newest value instead: as cheap as the formula there,
// and exact where the formula's conditioning is worst (two nearly equal
// prices far from the anchor, e.g. just after the level fell 1000x, whose
// variance is 1e-12 of (mean - a)^2). A window of identical values has
// exactly that value as mean and 0 as variance. valid(t, w) says whether the
// window is NaN-free. L comes from each window's own length, never from the
// other windows of a call (forEachMomentsBlock), so a variant's last bits do
// not depend on which variants share its call.
// Scratch: rollingMomentsScratch(T, W) for windows up to W (momentsInput's
// copy and the moments over the state's values and the call's bars).
struct RollingMoments;
inline int64_t rollingMomentsScratch(int64_t T, int64_t W);

struct RollingMoments {
  static constexpr int64_t kDirectBelow = 16;
  // The sums of a window, d taken from the anchor a.
  struct Sums {
    double a, s1, e1, s2, e2;  // S1 = s1 + e1, S2 = s2 + e2
  };
  const double* x = nullptr;
  int64_t chunk = 0;  // L; 0 until built
  // Per grid, 4 values per bar: S1 hi, lo, S2 hi, lo from the chunk's first bar to t.
  const double* sums[2] = {nullptr, nullptr};
  const double* lastGap = nullptr;
  const double* runStart = nullptr;  // first bar of the run of values equal to x[t]

  // The chunk length serving windows of w bars (w <= kMaxWindow).
  static int64_t chunkFor(double w) {
    int64_t length = 512;
    while (static_cast<double>(length) < 2.0 * std::min(w, static_cast<double>(kMaxWindow))) length *= 2;
    return length;
  }
  // Sums of x in chunks of `length` bars (chunkFor of the windows to serve).
  // A call with state (momentsInput) builds over the `origin` values before
  // bar 0 as well, x[-origin] on, in a run `run` bars long at bar -1: every
  // index stays the call's, and from bar 0 on each chunk's sums are those of
  // a call over every bar (a chunk starts at most chunk - 1 <= origin bars
  // back).
  void build(const double* x_, int64_t T, int64_t length, double* scratch, int64_t origin = 0, double run = 0.0) {
    const int64_t n = origin + T;
    x = x_;
    chunk = length;
    double *g0 = scratch + 4 * origin, *g1 = g0 + 4 * n, *gap = g1 + 4 * T + origin, *eq = gap + n;
    sums[0] = g0; sums[1] = g1; lastGap = gap; runStart = eq;
    double last = -1.0 - std::max(run, static_cast<double>(origin));
    for (int64_t t = -origin; t < T; ++t) {
      if (std::isnan(x[t])) last = static_cast<double>(t);
      gap[t] = last;
      eq[t] = t > -origin && x[t] == x[t - 1] ? eq[t - 1] : static_cast<double>(t);
    }
    accumulate(0, origin, T, g0);
    accumulate(1, origin, T, g1);
  }
  bool valid(int64_t t, int64_t w) const { return static_cast<double>(t) - lastGap[t] >= static_cast<double>(w); }
  bool constant(int64_t t, int64_t w) const { return runStart[t] <= static_cast<double>(t - w + 1); }

  // First bar of the chunk of grid g holding bar t, in the run starting at s.
  int64_t chunkStart(int g, int64_t s, int64_t t) const {
    const int64_t u = t - s, half = chunk / 2;
    if (g == 0) return t - (u & (chunk - 1));
    return u < half ? s : t - ((u - half) & (chunk - 1));
  }
  // Sum of x[i] - x[t] over the window: short windows, summed directly.
  double directSum(int64_t t, int64_t w) const {
    double s = 0.0;
    for (int64_t i = t - w + 1; i <= t; ++i) s += x[i] - x[t];
    return s;
  }
  Sums windowSums(int64_t t, int64_t w) const {
    const int64_t start = static_cast<int64_t>(lastGap[t]) + 1;
    const int64_t c0 = chunkStart(0, start, t), c1 = chunkStart(1, start, t);
    const int g = c0 <= c1 ? 0 : 1;  // the grid whose chunk began longer ago
    const int64_t c = g == 0 ? c0 : c1, i = t - w + 1;
    const double* b = sums[g] + 4 * t;
    if (i == c) return {x[c], b[0], b[1], b[2], b[3]};
    const double* p = sums[g] + 4 * (i - 1);
    const double s1 = b[0] - p[0], s2 = b[2] - p[2];
    return {x[c], s1, twoSumError(b[0], -p[0], s1) + (b[1] - p[1]), s2, twoSumError(b[2], -p[2], s2) + (b[3] - p[3])};
  }
  // Mean of x[t-w+1 .. t]; the caller checks valid(t, w).
  double mean(int64_t t, int64_t w) const {
    if (constant(t, w)) return x[t];
    const double n = static_cast<double>(w);
    if (w < kDirectBelow) return x[t] + directSum(t, w) / n;
    // a + S1 / n rounded once: the quotient's remainder, S1 - q * n, is exact.
    const Sums m = windowSums(t, w);
    const double q = m.s1 / n, qn = q * n;
    const double r = (((m.s1 - qn) - twoProductError(q, n, qn)) + m.e1) / n;
    const double s = m.a + q;
    return s + (twoSumError(m.a, q, s) + r);
  }
  // Population variance (divisor w) of x[t-w+1 .. t]; the caller checks valid(t, w).
  double variance(int64_t t, int64_t w) const {
    if (constant(t, w)) return 0.0;
    const double n = static_cast<double>(w);
    if (w < kDirectBelow) {
      // Two passes over deviations from the newest value, the second corrected by its own residual.
      const double m = directSum(t, w) / n;
      double s = 0.0, r = 0.0;
      for (int64_t i = t - w + 1; i <= t; ++i) {
        const double e = (x[i] - x[t]) - m;
        s += e * e;
        r += e;
      }
      const double v = (s - r * r / n) / n;
      return v > 0.0 ? v : 0.0;
    }
    const Sums m = windowSums(t, w);
    const double p = n * m.s2, q = m.s1 * m.s1;
    const double low = (twoProductError(n, m.s2, p) - twoProductError(m.s1, m.s1, q)) + n * m.e2;
    const double v = ((p - q) + ((low - 2.0 * m.s1 * m.e1) - m.e1 * m.e1)) / (n * n);
    return v > 0.0 ? v : 0.0;
  }
  // x[t] - mean(t, w), without the cancellation of subtracting the rounded
  // mean: (n * (x[t] - a) - S1) / n with x[t] - a and its product exact.
  double deviation(int64_t t, int64_t w) const {
    if (constant(t, w)) return 0.0;
    const double n = static_cast<double>(w);
    if (w < kDirectBelow) return -(directSum(t, w) / n);
    const Sums m = windowSums(t, w);
    const double dh = x[t] - m.a, dl = twoSumError(x[t], -m.a, dh), p = n * dh;
    return ((p - m.s1) + ((twoProductError(n, dh, p) + n * dl) - m.e1)) / n;
  }

 private:
  // Grid g's chunk sums into out, bars -origin .. T - 1; 0 at invalid bars.
  void accumulate(int g, int64_t origin, int64_t T, double* out) const {
    double a = 0.0, h1 = 0.0, l1 = 0.0, h2 = 0.0, l2 = 0.0;
    int64_t start = static_cast<int64_t>(lastGap[-origin]) + 1;
    for (int64_t t = -origin; t < T; ++t) {
      double* o = out + 4 * t;
      if (std::isnan(x[t])) {
        o[0] = o[1] = o[2] = o[3] = 0.0;
        start = t + 1;
        continue;
      }
      if (chunkStart(g, start, t) == t) {
        a = x[t];
        h1 = l1 = h2 = l2 = 0.0;
      }
      const double dh = x[t] - a, dl = twoSumError(x[t], -a, dh);
      const double p = dh * dh, q = twoProductError(dh, dh, p) + 2.0 * dh * dl;
      const double n1 = h1 + dh, n2 = h2 + p;
      l1 += twoSumError(h1, dh, n1) + dl;
      l2 += twoSumError(h2, p, n2) + q;
      // Renormalized (|lo| <= ulp(hi) / 2), so lo's own roundings stay eps^2 * hi.
      h1 = n1 + l1; l1 -= h1 - n1;
      h2 = n2 + l2; l2 -= h2 - n2;
      o[0] = h1; o[1] = l1; o[2] = h2; o[3] = l2;
    }
  }
};

inline int64_t callWindow(const KernelCall& c, std::initializer_list<int> ps);  // below

inline int64_t rollingMomentsScratch(int64_t T, int64_t W) {
  const int64_t origin = RollingMoments::chunkFor(static_cast<double>(std::max<int64_t>(W, 1)));
  return 11 * (T + origin);
}

// The moments' input of a call: x itself, or, in a call with state, the
// state's values and x after them. The state (a stream's batches; the
// kernels of the moments family): [run, then the last P values of x before
// bar 0, oldest first (NaN before the series' first bar)], run the valid
// bars ending at bar -1 and P >= chunkFor(the call's longest window, param
// p): build() continues the run over the last chunkFor of them, and stateOut
// gets the same after the call's last bar.
struct MomentsInput {
  const double* x = nullptr;  // bar 0; with state, bars -origin .. -1 before it
  int64_t origin = 0;
  double run = 0.0;
  double* scratch = nullptr;  // the rest of the scratch, for RollingMoments::build
};

// False for a state of the wrong size (kBadParam).
inline bool momentsInput(const KernelCall& c, int p, const double* x, double* scratch, MomentsInput& in) {
  in = {x, 0, 0.0, scratch};
  if (!c.stateIn) return !c.stateOut;
  const int64_t P = c.stateLen - 1, Q = RollingMoments::chunkFor(static_cast<double>(std::max<int64_t>(callWindow(c, {p}), 1)));
  if (P < Q) return false;
  double* ext = scratch;
  std::copy(c.stateIn + 1 + P - Q, c.stateIn + 1 + P, ext);
  std::copy(x, x + c.T, ext + Q);
  in = {ext + Q, Q, c.stateIn[0], ext + Q + c.T};
  if (c.stateOut) {
    int64_t run = 0;
    while (run < c.T && !std::isnan(x[c.T - 1 - run])) ++run;
    c.stateOut[0] = run == c.T ? c.stateIn[0] + static_cast<double>(c.T) : static_cast<double>(run);
    for (int64_t i = 0; i < P; ++i) {
      const int64_t e = c.T - P + i;  // bar e, from the state before bar 0
      c.stateOut[1 + i] = e >= 0 ? x[e] : c.stateIn[1 + P + e];
    }
  }
  return true;
}

// forEachBlock over the variants of c, each maximal run of consecutive
// variants whose windows (param p) take the same chunk length with m built
// over the input for that length (rebuilt only where it changes): each
// variant's values depend on its own window, not on the rest of its call.
template <typename Block>
inline void forEachMomentsBlock(const KernelCall& c, int p, const MomentsInput& in, RollingMoments& m, Block&& block) {
  int64_t v1 = c.v0;
  for (int64_t v0 = c.v0; v0 < c.v1; v0 = v1) {
    const int64_t length = RollingMoments::chunkFor(c.param[p][v0]);
    for (v1 = v0 + 1; v1 < c.v1 && RollingMoments::chunkFor(c.param[p][v1]) == length; ++v1) {}
    if (m.chunk != length) m.build(in.x, c.T, length, in.scratch, in.origin, in.run);
    KernelCall run = c;
    run.v0 = v0;
    run.v1 = v1;
    forEachBlock(run, block);
  }
}

// Weight, weighted mean and weighted sum of squared deviations of a set of
// points: West's update, and Chan's merge of two disjoint sets.
struct Moments {
  double weight = 0.0, mean = 0.0, m2 = 0.0;

  // A point of weight 0 changes nothing.
  void add(double x, double w) {
    if (w == 0.0) return;
    weight += w;
    const double d = x - mean;
    mean += d * (w / weight);
    m2 += w * d * (x - mean);
  }
  // The moments of the points of a followed by those of b.
  static Moments merge(const Moments& a, const Moments& b) {
    if (b.weight == 0.0) return a;
    if (a.weight == 0.0) return b;
    Moments r;
    r.weight = a.weight + b.weight;
    const double d = b.mean - a.mean;
    r.mean = a.mean + d * (b.weight / r.weight);
    r.m2 = (a.m2 + b.m2) + d * d * (a.weight * (b.weight / r.weight));
    return r;
  }
};

// Weighted mean and variance of the last n points of a series fed one point
// at a time (volume-weighted bands). Points are never subtracted back out, so
// nothing cancels: where the points of non-zero weight are equal, m2 is
// exactly 0 at any price level. The series is cut into chunks of n points;
// the window ending at a point is a suffix of the previous chunk merged with
// the current chunk so far, and one backward pass per chunk makes the
// suffixes: O(1) per point. Scratch per instance: weightedMomentsScratch(n).
inline int64_t weightedMomentsScratch(int64_t n) { return 3 * n; }

struct WeightedMoments {
  double* tail = nullptr;  // moments of points i.. of the previous chunk, at 3i
  Moments head;            // the current chunk so far
  int64_t n = 0, pos = 0, count = 0;

  void reset(double* buffer, int64_t window) {
    tail = buffer;
    n = window;
    pos = count = 0;
    head = Moments();
  }
  bool full() const { return count >= n; }
  // Kernel state: [pos, the chunk's moments (weight, mean, m2), the tail's
  // 3n numbers]; count is the run's points so far (the caller's).
  static constexpr int64_t kStateHead = 4;
  void load(const double* from, int64_t points) {
    pos = static_cast<int64_t>(from[0]);
    head.weight = from[1];
    head.mean = from[2];
    head.m2 = from[3];
    count = points;
    std::copy(from + kStateHead, from + kStateHead + 3 * n, tail);
  }
  // What the last push() returned (after at least one since the reset).
  Moments window() const { return count > n && pos != 0 ? Moments::merge(loadTail(pos), head) : head; }
  void save(double* to) const {
    to[0] = static_cast<double>(pos);
    to[1] = head.weight;
    to[2] = head.mean;
    to[3] = head.m2;
    std::copy(tail, tail + 3 * n, to + kStateHead);
  }
  // Feeds point t of x with weight w[t], points in order from the reset on;
  // returns the moments of the last n points (of all of them until full()).
  Moments push(const double* x, const double* w, int64_t t) {
    if (pos == 0) {
      if (count > 0) {
        Moments acc;
        for (int64_t i = n - 1; i >= 0; --i) {
          acc.add(x[t - n + i], w[t - n + i]);
          storeTail(i, acc);
        }
      }
      head = Moments();
    }
    head.add(x[t], w[t]);
    ++count;
    const int64_t from = ++pos;  // the window starts at point `from` of the previous chunk
    if (pos == n) pos = 0;
    return count > n && from < n ? Moments::merge(loadTail(from), head) : head;
  }

 private:
  void storeTail(int64_t i, const Moments& m) {
    tail[3 * i] = m.weight;
    tail[3 * i + 1] = m.mean;
    tail[3 * i + 2] = m.m2;
  }
  Moments loadTail(int64_t i) const {
    Moments m;
    m.weight = tail[3 * i];
    m.mean = tail[3 * i + 1];
    m.m2 = tail[3 * i + 2];
    return m;
  }
};

// Rolling extremes for a whole grid of windows (MAX, MIN, WILLR, STOCH,
// Donchian, ...): a sparse table built once per call answers max or min over
// [t-w+1, t] for any w in O(1). levels[k][t] is the extreme of the 2^k bars
// ending at t (valid for t >= 2^k - 1). Scratch: extremeLevels(maxW) * T.
inline int extremeLevels(int64_t maxWindow) {
  int k = 1;
  while ((int64_t{1} << k) <= maxWindow) ++k;
  return k;
}

// The longest window that can fill on T bars when windows go up to W (within
// kMaxWindow): the capacity of per-variant rings and deques.
inline int64_t windowCapacity(int64_t T, int64_t W) { return std::min<int64_t>(T, std::min<int64_t>(W, kMaxWindow)); }

// The longest of params ps over the call's variants: the W a kernel sized its
// scratch with (the caller's W, the longest window of the request, is >= it).
inline int64_t callWindow(const KernelCall& c, std::initializer_list<int> ps) {
  int64_t w = 0;
  for (int p : ps) w = std::max(w, static_cast<int64_t>(std::min(maxParam(c, p), static_cast<double>(kMaxWindow))));
  return w;
}

// A per-variant state of S numbers, `head` of the variant's own (S first,
// then the run's age) and then the last P = (S - head) / k bars of the first
// k inputs, interleaved, oldest first (trend.linreg's, structure.beta's):
// stateOut of variants [b0, b0 + nb) as a call ending on a NaN bar leaves
// it (the head in with age 0, the tail moved on by the call's bars). The
// segments then write their sums, the last one the age. `series`: the k
// series at bars 0 .. T - 1 the tail keeps, when not the inputs (fisher's hl2).
inline void leaveTailState(const KernelCall& c, int64_t S, int head, int k, int64_t b0, int nb, const double* const* series = nullptr) {
  const double* const* in = series ? series : c.in;
  const int64_t P = (S - head) / k;
  for (int j = 0; j < nb; ++j) {
    const double* from = c.stateIn + S * (b0 + j);
    double* to = c.stateOut + S * (b0 + j);
    std::copy(from, from + head, to);
    to[1] = 0.0;
    for (int64_t i = 0; i < P; ++i) {
      const int64_t t = c.T - P + i;
      for (int q = 0; q < k; ++q) to[head + k * i + q] = t >= 0 ? in[q][t] : from[head + k * (P + t) + q];
    }
  }
}

// leaveTailState for a source run's part beside a per-variant state
// (KernelCall::runStateIn, trend.linreg's): [`head` numbers, the run's age
// first, then the last P = (runStateLen - head) / k bars of the first k
// inputs, interleaved, oldest first] into runStateOut as a call ending on a
// NaN bar leaves it (age 0, the tail moved on by the call's bars).
inline void leaveRunTailState(const KernelCall& c, int head, int k) {
  const int64_t P = (c.runStateLen - head) / k;
  const double* from = c.runStateIn;
  double* to = c.runStateOut;
  std::copy(from, from + head, to);
  to[0] = 0.0;
  for (int64_t i = 0; i < P; ++i) {
    const int64_t t = c.T - P + i;
    for (int q = 0; q < k; ++q) to[head + k * i + q] = t >= 0 ? c.in[q][t] : from[head + k * (P + t) + q];
  }
}

// Window sums of k series made once per bar (trend.vortex,
// volatility.accbands) carried in a kernel state, per call: the run's age
// at bar -1 (-1 after a NaN bar; BarRun in src/stream/steppers/wilder.ts)
// and that bar's `inputs`, then the P entries of the k prefix sums (hi, lo
// each) after each of the P bars before the call, oldest first, P >= the
// call's longest window W (prefixStatePairs, k at a time). Each prefix keeps
// W - 1 entries before its bar-0 entry in scratch (2 (T + W) doubles).
struct CarriedPrefixes {
  int inputs, k;
  int64_t W, P = 0;
  int64_t head() const { return 1 + inputs; }
  // Whether the state has that shape (else kBadParam).
  bool read(const KernelCall& c) {
    P = c.stateIn ? (c.stateLen - head()) / (2 * k) : 0;
    return !((c.stateOut && !c.stateIn) || (c.stateIn && (c.stateLen != head() + 2 * k * P || P < W)));
  }
  // The age at bar -1 of the run the state stands in (-1: none).
  double age(const KernelCall& c) const { return c.stateIn ? c.stateIn[0] : -1.0; }
  // Prefix i's W entries ending at its bar-0 entry (entry0): the state's, else 0.
  void entriesBefore(const KernelCall& c, int i, double* entry0) const {
    double* entries = entry0 - 2 * (W - 1);
    for (int64_t e = 0; e < W; ++e) {
      const double* q = c.stateIn ? c.stateIn + head() + 2 * k * (P - W + e) + 2 * i : nullptr;
      entries[2 * e] = q ? q[0] : 0.0;
      entries[2 * e + 1] = q ? q[1] : 0.0;
    }
  }
  // stateOut: the run's age at the last bar (as BarRun counts it; carried:
  // bars of bar 0's run before the call) and that bar's inputs as read, then
  // the last P entries (made here from 1 - W on, else from the state).
  void write(const KernelCall& c, double* const* sums, int64_t carried) const {
    if (!c.stateOut || c.T == 0) return;
    const int64_t T = c.T;
    double* to = c.stateOut;
    int64_t s = T;
    while (s > 0 && validAt(c.in, inputs, s - 1)) --s;
    to[0] = s == T ? -1.0 : s == 0 ? static_cast<double>(T - 1 + carried) : static_cast<double>(T - 1 - s);
    for (int i = 0; i < inputs; ++i) to[1 + i] = c.in[i][T - 1];
    for (int64_t e = 0; e < P; ++e) {
      const int64_t entry = T - P + 1 + e;
      for (int i = 0; i < k; ++i) {
        const double* from = entry > -W ? sums[i] + 2 * entry : c.stateIn + head() + 2 * k * (P - 1 + entry) + 2 * i;
        to[head() + 2 * k * e + 2 * i] = from[0];
        to[head() + 2 * k * e + 2 * i + 1] = from[1];
      }
    }
  }
};

// The state of a prefix sum carried across calls (ma.sma's, structure.sum's):
// [run, then the prefix pairs (hi, lo) after each of the P bars before the
// call, oldest first], P >= the call's longest window W. The call's prefix
// starts with the last W of them (entries 1 - W .. 0), so each entry it
// makes, and each window sum, is the one of a call over every bar; stateOut
// gets the run and the last P pairs after its last bar. Returns P, or -1 when
// stateLen is not 1 + 2P with P >= W.
inline int64_t prefixStatePairs(const KernelCall& c, int64_t W) {
  const int64_t P = (c.stateLen - 1) / 2;
  return c.stateLen == 1 + 2 * P && P >= W ? P : -1;
}

// The pairs a call's prefix of in[0] keeps before entry 0 (its W - 1, plus
// entry 0): the longest window of param p with state, else 1.
inline int64_t statePrefixWindow(const KernelCall& c, int p) {
  return c.stateIn ? std::max<int64_t>(callWindow(c, {p}), 1) : 1;
}

// prefixSums of in[0] into entries (2(T + W) doubles: entries 1 - W .. T) and
// lastGap (T), W = statePrefixWindow(c, p), continuing the run of the state
// (prefixStatePairs) when the call has one and writing stateOut. Returns
// entry 0 of the prefix, or nullptr for a state of the wrong size.
inline double* statePrefixSums(const KernelCall& c, int p, double* entries, double* lastGap) {
  const int64_t W = statePrefixWindow(c, p);
  const int64_t P = c.stateIn ? prefixStatePairs(c, W) : 0;
  if (P < 0 || (c.stateOut && !c.stateIn)) return nullptr;
  double* prefix = entries + 2 * (W - 1);
  if (!c.stateIn) {
    prefixSums(c.in[0], c.T, prefix, lastGap);
    return prefix;
  }
  std::copy(c.stateIn + 1 + 2 * (P - W), c.stateIn + 1 + 2 * P, entries);
  prefixSums(c.in[0], c.T, prefix, lastGap, prefix[0], prefix[1], c.stateIn[0]);
  if (c.stateOut) {
    // Entry e of the call's prefix: from the state below 1 - W, else made here.
    c.stateOut[0] = static_cast<double>(c.T - 1) - lastGap[c.T - 1];
    for (int64_t i = 0; i < P; ++i) {
      const int64_t e = c.T - P + 1 + i;
      const double* from = e > -W ? prefix + 2 * e : c.stateIn + 1 + 2 * (P - 1 + e);
      c.stateOut[1 + 2 * i] = from[0];
      c.stateOut[2 + 2 * i] = from[1];
    }
  }
  return prefix;
}

// Two prefix sums of a call with state (windowRatio's in
// native/volume/common.h, ma.vwma's): [run, then the P entries (A hi, A lo,
// B hi, B lo) after each of the P bars before the call, oldest first, then
// `head` numbers of the kernel's own], P >= the call's longest window W.
// pairPrefixStart writes the W entries of each prefix up to bar 0's (zeros
// without state) and returns P, or -1 for a state of the wrong size;
// pairPrefixEnd writes stateOut's run and entries after the call's last bar.
inline int64_t pairPrefixStart(const KernelCall& c, int64_t W, int head, double* entriesA, double* entriesB) {
  const int64_t P = c.stateIn ? (c.stateLen - 1 - head) / 4 : 0;
  if ((c.stateOut && !c.stateIn) || (c.stateIn && (c.stateLen != 1 + 4 * P + head || P < W))) return -1;
  entriesA[0] = entriesA[1] = entriesB[0] = entriesB[1] = 0.0;  // a run from bar 0, without state
  for (int64_t i = 0; c.stateIn && i < W; ++i) {
    const double* q = c.stateIn + 1 + 4 * (P - W + i);
    entriesA[2 * i] = q[0]; entriesA[2 * i + 1] = q[1];
    entriesB[2 * i] = q[2]; entriesB[2 * i + 1] = q[3];
  }
  return P;
}

// sumA, sumB: entry 0 of each prefix; lastGap: the run's, continued from the state's.
inline void pairPrefixEnd(const KernelCall& c, int64_t W, int64_t P, const double* sumA, const double* sumB, const double* lastGap) {
  if (!c.stateOut) return;
  const int64_t T = c.T;
  c.stateOut[0] = static_cast<double>(T - 1) - lastGap[T - 1];
  for (int64_t i = 0; i < P; ++i) {
    const int64_t e = T - P + 1 + i;  // entry e: made here from 1 - W on, else from the state
    double* to = c.stateOut + 1 + 4 * i;
    if (e > -W) {
      to[0] = sumA[2 * e]; to[1] = sumA[2 * e + 1]; to[2] = sumB[2 * e]; to[3] = sumB[2 * e + 1];
    } else {
      std::copy(c.stateIn + 1 + 4 * (P - 1 + e), c.stateIn + 5 + 4 * (P - 1 + e), to);
    }
  }
}

// Scratch of one RollingExtreme that serves every window a call may ask for.
inline int64_t extremeScratch(int64_t T) { return extremeLevels(std::min<int64_t>(T, kMaxWindow)) * T; }

// One window w of a sparse table over T bars: the level of the two spans of
// 2^k bars that cover it, and how far back the second span ends.
struct SparseWindow {
  const double* level;
  int64_t back;
};

inline SparseWindow sparseWindow(const double* levels, int64_t T, int64_t w) {
  int k = 0;
  while ((int64_t{2} << k) <= w) ++k;
  return {levels + k * T, w - (int64_t{1} << k)};
}

template <bool IsMax>
inline double pickExtreme(double a, double b) { return IsMax ? (a > b ? a : b) : (a < b ? a : b); }

template <bool IsMax>
struct RollingExtreme {
  const double* levels = nullptr;
  int64_t T = 0;

  void build(const double* x, int64_t T_, int nLevels, double* scratch) {
    T = T_;
    levels = scratch;
    for (int64_t t = 0; t < T; ++t) scratch[t] = x[t];
    for (int k = 1; k < nLevels; ++k) {
      const double* prev = scratch + (k - 1) * T;
      double* cur = scratch + k * T;
      const int64_t half = int64_t{1} << (k - 1);
      for (int64_t t = 0; t < T; ++t) cur[t] = t >= half ? pickExtreme<IsMax>(prev[t], prev[t - half]) : prev[t];
    }
  }
  // at(window(w), t) is the extreme of x[t-w+1 .. t]; the caller guarantees
  // t >= w-1 and no NaN inside.
  using Window = SparseWindow;
  Window window(int64_t w) const { return sparseWindow(levels, T, w); }
  static double at(const Window& s, int64_t t) { return pickExtreme<IsMax>(s.level[t], s.level[t - s.back]); }
};

// The highest of one series and the lowest of another for every window of a
// call (stochastics, Williams %R, Fisher, Donchian, Chandelier, Ichimoku,
// pivots): two sparse tables built once, deep enough for maxWindow.
struct RollingRange {
  RollingExtreme<true> highest;
  RollingExtreme<false> lowest;

  static int64_t scratch(int64_t T) { return 2 * extremeScratch(T); }
  void build(const double* high, const double* low, int64_t T, int64_t maxWindow, double* at) {
    const int levels = extremeLevels(windowCapacity(T, maxWindow));
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
  // Lane j of a block reads the window param[b0 + j] at every bar: its length
  // into w[j], its levels into win[j].
  void windows(const double* param, int64_t b0, int nb, int64_t* w, Window* win) const {
    for (int j = 0; j < nb; ++j) {
      w[j] = static_cast<int64_t>(param[b0 + j]);
      win[j] = window(w[j]);
    }
  }
};

// The bar of the rolling extreme rather than its value (AROON): the same
// sparse table over bar indices, ties going to the most recent bar as in
// TA-Lib. Scratch: extremeScratch(T).
template <bool IsMax>
struct RollingArgExtreme {
  const double* x = nullptr;
  const double* levels = nullptr;
  int64_t T = 0;

  // Of a bar and an earlier one, the bar holding the extreme; ties keep the later.
  int64_t pick(int64_t later, int64_t earlier) const {
    return (IsMax ? x[later] >= x[earlier] : x[later] <= x[earlier]) ? later : earlier;
  }
  void build(const double* x_, int64_t T_, int nLevels, double* scratch) {
    x = x_;
    T = T_;
    levels = scratch;
    for (int64_t t = 0; t < T; ++t) scratch[t] = static_cast<double>(t);
    for (int k = 1; k < nLevels; ++k) {
      const double* prev = scratch + (k - 1) * T;
      double* cur = scratch + k * T;
      const int64_t half = int64_t{1} << (k - 1);
      for (int64_t t = half; t < T; ++t)
        cur[t] = static_cast<double>(pick(static_cast<int64_t>(prev[t]), static_cast<int64_t>(prev[t - half])));
      for (int64_t t = 0; t < std::min(half, T); ++t) cur[t] = prev[t];
    }
  }
  // at(window(w), t) is the bar of the extreme of x[t-w+1 .. t], as RollingExtreme::window / at.
  using Window = SparseWindow;
  Window window(int64_t w) const { return sparseWindow(levels, T, w); }
  int64_t at(const Window& s, int64_t t) const {
    return pick(static_cast<int64_t>(s.level[t]), static_cast<int64_t>(s.level[t - s.back]));
  }
};

// Rolling extreme for one window with a monotonic deque of bar indices, for
// series computed on the fly (e.g. STOCHRSI over an RSI). Ties keep the most
// recent bar, as TA-Lib's AROON does. Push bars in order, then read front().
template <bool IsMax>
struct MonotonicDeque {
  int64_t* idx = nullptr;  // ring buffer of capacity cap
  int64_t cap = 0, head = 0, size = 0;
  void reset(int64_t* buffer, int64_t capacity) { idx = buffer; cap = capacity; head = size = 0; }
  void clear() { head = size = 0; }
  // Ring position of the i-th entry from the front (i <= size <= cap).
  int64_t slot(int64_t i) const { return head + i < cap ? head + i : head + i - cap; }
  // Adds bar t with value x[t]; drops bars older than t - w + 1.
  void push(const double* x, int64_t t, int64_t w) {
    while (size > 0 && idx[head] <= t - w) { head = slot(1); --size; }
    while (size > 0) {
      const double back = x[idx[slot(size - 1)]];
      if (IsMax ? back <= x[t] : back >= x[t]) --size;
      else break;
    }
    idx[slot(size)] = t;
    ++size;
  }
  int64_t front() const { return idx[head]; }
};

}  // namespace tagrid
