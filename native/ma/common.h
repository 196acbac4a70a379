// What several moving averages share: lanes over windows of prefix sums
// (SMA, TRIMA, KAMA, VWMA), chains of seeded smoothers (EMA, DEMA, TEMA, T3,
// RMA, ZLEMA) and lanes of running WMAs (WMA, HMA).
//
// Every kernel keeps the state of a block of variants side by side ("lanes")
// and writes each bar as one row of the block. Bars where some variant of the
// block is still warming up take a branchy path; once every variant is past
// its warm-up the block loop is branch-free and vectorizes.
#pragma once
#include "../primitives.h"

namespace tagrid::ma {

// Walks the bars of a block for lanes that read windows of prefix sums:
// run = valid bars ending at t. Bars where run >= steadyRun for the whole
// block take lanes.steady(t, nb, row), the others lanes.warm(t, run, nb, row).
// Lanes with kStoresSteadyRows write their steady rows themselves
// (lanes.steadyRow(out, t, b0, nb), through OutView::putRowPairs).
// (from: the first bar to walk, for a call whose earlier bars the stream steps.)
template <typename Out, typename Lanes>
inline void windowRows(const OutView<Out>& out, const double* lastGap, int64_t T, int64_t b0, int nb, int64_t steadyRun, Lanes& lanes, int64_t from = 0) {
  alignas(64) double row[kBlock];
  for (int64_t t = from; t < T; ++t) {
    const int64_t run = t - static_cast<int64_t>(lastGap[t]);
    if (run >= steadyRun) {
      if constexpr (Lanes::kStoresSteadyRows) {
        lanes.steadyRow(out, t, b0, nb);
        continue;
      } else {
        lanes.steady(t, nb, row);
      }
    } else {
      lanes.warm(t, run, nb, row);
    }
    out.putRow(0, t, b0, nb, row);
  }
}

// Window lengths of a block: n[j] as a count, w[j] as a double.
// (32-bit lengths: GCC vectorizes the gathers they index.)
struct WindowLanes {
  static constexpr bool kStoresSteadyRows = false;  // see windowRows
  alignas(64) double w[kBlock];
  alignas(64) double inv[kBlock];
  int32_t n[kBlock];
  int64_t longest = 0;
  bool consecutive = true;  // n[j] = n[0] + j, as in default grids

  void load(const double* window, int nb) {
    for (int j = 0; j < nb; ++j) {
      w[j] = window[j];
      inv[j] = 1.0 / w[j];
      n[j] = static_cast<int32_t>(w[j]);
      longest = std::max<int64_t>(longest, n[j]);
      consecutive = consecutive && n[j] == n[0] + j;
    }
  }
};

// Lanes that read windows of one prefix sum of the source (SMA, TRIMA).
struct PrefixLanes : WindowLanes {
  const double* prefix = nullptr;
  // prefix reversed, when kReversed: prefixRev[i] and prefixRevLo[i] are pair T - i of prefix.
  const double* prefixRev = nullptr;
  const double* prefixRevLo = nullptr;
  int64_t T = 0;
};

// SMA and TRIMA: lanes over one prefix sum of the source.
// scratch: prefix (2(T + W) pairs' doubles: W entries up to bar 0's, one per
// bar) + lastGap (T) [+ prefix reversed (as many) when Lanes::kReversed]; W is
// 1 without state, the call's longest window with it (prefixStatePairs).
template <typename Lanes>
constexpr int64_t prefixLanesScratch(int64_t T, int64_t W = 1) {
  return 2 * (T + W) + T + (Lanes::kReversed ? 2 * (T + W) : 0);
}

template <typename Lanes, typename Out>
int32_t overSourcePrefix(const KernelCall& c, const OutView<Out>& out) {
  // With state, the W pairs before bar 0 that windows reach back to (statePrefixSums).
  const int64_t W = statePrefixWindow(c, 0);
  if (c.scratchLen < prefixLanesScratch<Lanes>(c.T, W)) return kScratchTooSmall;
  double* entries = c.scratch;  // entry 1 - W on
  double* lastGap = entries + 2 * (c.T + W);
  double* prefixRev = Lanes::kReversed ? lastGap + c.T : nullptr;
  double* prefix = statePrefixSums(c, 0, entries, lastGap);
  if (!prefix) return kBadParam;
  double* prefixRevLo = Lanes::kReversed ? prefixRev + c.T + W : nullptr;
  if (prefixRev) reversedPairs(entries, c.T + W, prefixRev, prefixRevLo);
  forEachBlock(c, [&](int64_t b0, int nb) {
    Lanes lanes;
    lanes.prefix = prefix;
    lanes.prefixRev = prefixRev;
    lanes.prefixRevLo = prefixRevLo;
    lanes.T = c.T;
    lanes.load(c.param[0] + b0, nb);
    windowRows(out, lastGap, c.T, b0, nb, lanes.longest, lanes);
  });
  return kOk;
}

// ma.ema, ma.dema, ma.tema, ma.t3, ma.rma, ma.zlema: chains of smoothers,
// each stage fed the one before and seeded with the mean of its first n
// inputs, as TA-Lib seeds its EMAs. DEMA = 2·E1 − E2 and TEMA = E3 +
// (3·E1 − 3·E2) over EMAs; T3 (Tillson) steps its six stages as
// k·x + (1 − k)·e and weights e6..e3 with c1..c4 of its volume factor; RMA is
// one stage of Wilder's smoothing; ZLEMA is an EMA of x + (x − x[t−lag]),
// lag = (n − 1)/2. EmaStream seeds each stage during the warm-up, from the
// mean of its first n inputs or (seed 'first') from its first input.
enum class EmaChain { Ema, Dema, Tema, T3, Rma, Zlema };

constexpr int chainDepth(EmaChain kind) {
  return kind == EmaChain::Dema ? 2 : kind == EmaChain::Tema ? 3 : kind == EmaChain::T3 ? 6 : 1;
}

inline double t3Step(double e, double x, double k) { return k * x + (1.0 - k) * e; }

inline int64_t zlemaLag(double n) { return (static_cast<int64_t>(n) - 1) / 2; }

template <EmaChain kind>
struct ChainLanes {
  static constexpr int kDepth = chainDepth(kind);
  alignas(64) double e[kDepth][kBlock];  // stage values once seeded
  alignas(64) double n[kBlock], k[kBlock], c1[kBlock], c2[kBlock], c3[kBlock], c4[kBlock];
  int32_t lag[kBlock];
  int32_t maxLag = 0;
  // ZLEMA with state: lane j's last lag[j] values before the call, oldest first (x[t − lag] for t < lag).
  const double* past[kBlock];
  bool seedFirst[kBlock];
  int64_t warmAge = 0;  // from this age of a run on every stage of the block is seeded

  // seedParam: index of the `seed` param.
  void load(const KernelCall& c, int64_t b0, int nb, int seedParam) {
    for (int j = 0; j < nb; ++j) {
      n[j] = c.param[0][b0 + j];
      k[j] = 2.0 / (n[j] + 1.0);
      lag[j] = kind == EmaChain::Zlema ? static_cast<int32_t>(zlemaLag(n[j])) : 0;
      maxLag = std::max(maxLag, lag[j]);
      past[j] = nullptr;
      seedFirst[j] = seedsFirst(c, seedParam, b0 + j);
      warmAge = std::max(warmAge, lag[j] + (seedFirst[j] ? 0 : kDepth * (static_cast<int64_t>(n[j]) - 1)) + 1);
      if (kind == EmaChain::T3) {
        // TA-Lib's operation order; the four do not sum to exactly 1.
        const double a = c.param[1][b0 + j], a2 = a * a;
        c1[j] = -(a2 * a);
        c2[j] = 3.0 * (a2 - c1[j]);
        c3[j] = -6.0 * a2 - 3.0 * (a - c1[j]);
        c4[j] = 1.0 + 3.0 * a - c1[j] + 3.0 * a2;
      }
    }
  }
  double input(int j, const double* x, int64_t t) const {
    return kind == EmaChain::Zlema ? x[t] + (x[t] - x[t - lag[j]]) : x[t];
  }
  double step(int j, double e, double v) const {
    return kind == EmaChain::T3 ? t3Step(e, v, k[j]) : kind == EmaChain::Rma ? wilderStep(e, v, n[j]) : emaStep(e, v, k[j]);
  }
  double combine(int j) const {
    if (kind == EmaChain::Dema) return 2.0 * e[0][j] - e[1][j];
    if (kind == EmaChain::Tema) return e[2][j] + (3.0 * e[0][j] - 3.0 * e[1][j]);
    if (kind == EmaChain::T3) return c1[j] * e[5][j] + c2[j] * e[4][j] + c3[j] * e[3][j] + c4[j] * e[2][j];
    return e[0][j];
  }
  // Warm-up bar `age` of a run for lane j: seeds through the streams.
  double warm(int j, EmaStream* const* streams, const double* x, int64_t t, int64_t age) {
    if (age < lag[j]) return kNaN;
    bool ready = true;
    double v = kind == EmaChain::Zlema && t < lag[j] ? x[t] + (x[t] - past[j][t]) : input(j, x, t);
    for (int d = 0; d < kDepth && ready; ++d) {
      EmaStream& s = streams[d][j];
      if (s.ready()) s.value = step(j, s.value, v);
      else ready = s.push(v);
      v = e[d][j] = s.value;
    }
    return ready ? combine(j) : kNaN;
  }
  // Every stage of every lane seeded: one bar of the block.
  void steady(const double* __restrict x, int64_t t, int nb, double* __restrict row) {
    for (int j = 0; j < nb; ++j) {
      double v = input(j, x, t);
      for (int d = 0; d < kDepth; ++d) v = e[d][j] = step(j, e[d][j], v);
      row[j] = combine(j);
    }
  }
};

// The state of one seeded average carried across calls (ma.ema's and
// ma.rma's), per variant at state[2v]: (value, count) of its SeededAverage
// after the bars before the call ((0, 0) after a NaN bar, the running sum
// while seeding). A call continues each lane from it when bar 0 is valid and
// leaves it after its last bar.
constexpr int kAverageState = 2;

// The state of a chain of depth d > 1 (DEMA, TEMA, T3), per variant at
// state[(2d + 1)v]: each stage's (value, count) as kAverageState, then the
// age of the run at its last bar (-1 after a NaN bar, the stages then left as
// the run ended). A call whose bar 0 is valid continues a run of age >= 0.
// ZLEMA's adds its last lag values of the run, oldest first (x[−lag] ..
// x[−1] before the call), at a stride of 3 + the grid's longest lag
// (stateStride); a call leaves its last lag bars there.
template <EmaChain kind>
constexpr int chainState() {
  return kind == EmaChain::Ema || kind == EmaChain::Rma ? kAverageState : kAverageState * chainDepth(kind) + 1;
}

template <EmaChain kind, typename Out>
int32_t emaChain(const KernelCall& c, const OutView<Out>& out, int seedParam) {
  constexpr int depth = chainDepth(kind), A = chainState<kind>() - 1;  // A: where the run's age is
  constexpr bool aged = chainState<kind>() > kAverageState;  // the state carries the run's age
  constexpr bool zlema = kind == EmaChain::Zlema;
  const double* x = c.in[0];
  const bool state = c.stateIn || c.stateOut;
  const int64_t S = zlema && state ? stateStride(c) : chainState<kind>();
  if (state && (!c.stateIn || c.stateLen < S * c.v1 || (zlema && S < A + 1 + zlemaLag(maxParam(c, 0))))) return kBadParam;
  forEachBlock(c, [&](int64_t b0, int nb) {
    ChainLanes<kind> lanes;
    lanes.load(c, b0, nb, seedParam);
    EmaStream stages[depth][kBlock];
    EmaStream* streams[depth];
    for (int d = 0; d < depth; ++d) streams[d] = stages[d];
    alignas(64) double row[kBlock];
    if (aged && c.stateOut) {
      // No valid bar in the call: the state as it came, after a NaN bar.
      std::copy(c.stateIn + S * b0, c.stateIn + S * (b0 + nb), c.stateOut + S * b0);
      for (int j = 0; j < nb; ++j) c.stateOut[S * (b0 + j) + A] = -1.0;
    }
    if (zlema && c.stateIn)
      for (int j = 0; j < nb; ++j) lanes.past[j] = c.stateIn + S * (b0 + j) + A + 1;
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        for (int d = 0; d < depth; ++d)
          for (int j = 0; j < nb; ++j) {
            stages[d][j].reset(lanes.n[j], lanes.seedFirst[j]);
            lanes.e[d][j] = 0.0;
          }
        int64_t warmAge = lanes.warmAge, start = s;  // start: the run's first bar
        if (aged && s == 0 && c.stateIn && c.stateIn[S * b0 + A] >= 0.0) start = -static_cast<int64_t>(c.stateIn[S * b0 + A]) - 1;
        if (s == 0 && c.stateIn && (!aged || start < 0)) {
          // Each lane continues its stages: seeded from their counts on, steady once every stage of every lane is.
          warmAge = 0;
          for (int j = 0; j < nb; ++j) {
            int64_t left = 0;
            for (int d = 0; d < depth; ++d) {
              EmaStream& a = stages[d][j];
              a.value = lanes.e[d][j] = c.stateIn[S * (b0 + j) + kAverageState * d];
              a.count = static_cast<int64_t>(c.stateIn[S * (b0 + j) + kAverageState * d + 1]);
              left += a.period - std::min(a.count, a.period);
            }
            warmAge = std::max(warmAge, left);
          }
          // ZLEMA: the bars that read x[t − lag] from the state, and a lane whose run is shorter than its lag.
          if (zlema) warmAge += lanes.maxLag + 1;
        }
        const int64_t steady = std::min(e, s + warmAge);
        int64_t t = s;
        for (; t < steady; ++t) {
          for (int j = 0; j < nb; ++j) row[j] = lanes.warm(j, streams, x, t, t - start);
          out.putRow(0, t, b0, nb, row);
        }
        for (; t < e; ++t) {
          lanes.steady(x, t, nb, row);
          out.putRow(0, t, b0, nb, row);
        }
        if (!c.stateOut || (!aged && e != c.T)) return;
        for (int j = 0; j < nb; ++j) {
          double* to = c.stateOut + S * (b0 + j);
          for (int d = 0; d < depth; ++d) {
            to[kAverageState * d] = lanes.e[d][j];
            to[kAverageState * d + 1] = static_cast<double>(stages[d][j].count);
          }
          if (aged) to[A] = e == c.T ? static_cast<double>(e - 1 - start) : -1.0;
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
    if (zlema && c.stateOut) {
      // The last lag bars: from the call, or before it from the state.
      for (int j = 0; j < nb; ++j) {
        double* to = c.stateOut + S * (b0 + j) + A + 1;
        for (int64_t i = 0, L = lanes.lag[j]; i < L; ++i) to[i] = c.T - L + i >= 0 ? x[c.T - L + i] : lanes.past[j][c.T + i];
      }
    }
    if (!aged && c.stateOut && !validAt(c.in, 1, c.T - 1)) std::fill(c.stateOut + S * b0, c.stateOut + S * (b0 + nb), 0.0);
  });
  return kOk;
}

// TA-Lib's WMA of window n at bar t, Σ_{i=1..n} i·x[t-n+i] / (n(n+1)/2)
// (times 1 / (n(n+1)/2): half an ulp more than dividing, and no division),
// for every window up to kDenseWma: each value is its window summed afresh
// in one fixed order, oldest value first, so it does not drift along the run
// (a fresh sum of n terms: within n ulps of the window's weighted sum,
// 3e-14 at n = 256) and does not depend on the other windows of its block.
// The sums of windows 1..depth at bar t come from those at bar t-1,
// sums[k] = before[k-1] + k·x[t] (sums[0] = 0): depth multiply-adds per bar
// for the whole block, O(1) per value when its windows are dense (default
// grids: 5..200). Window k is a sum of the run's own values from age k - 1
// on, so runs need no reset. Longer windows keep compensated running sums
// (WmaLanes): O(1) per value alone, where this costs n per bar.
constexpr int kDenseWma = 256;

struct WmaWeights {
  double k[kDenseWma + 1];
  constexpr WmaWeights() : k() {
    for (int i = 0; i <= kDenseWma; ++i) k[i] = i;
  }
};
inline constexpr WmaWeights kWmaWeights{};

struct WmaDiagonal {
  // Each row starts one double past a 16-byte boundary, so push's pairs of
  // windows (k, k + 1), k odd, are stored aligned.
  alignas(64) double buf[2][kDenseWma + 2];
  double* sums = buf[0] + 1;  // sums[k]: window k ending at the last bar pushed
  double* before = buf[1] + 1;
  int depth = 0;  // longest window summed

  WmaDiagonal() { std::fill(&buf[0][0], &buf[0][0] + 2 * (kDenseWma + 2), 0.0); }
  void push(double x) {
    std::swap(sums, before);
    double* __restrict to = sums;
    const double* __restrict from = before;
    for (int k = 1; k <= depth; ++k) to[k] = from[k - 1] + kWmaWeights.k[k] * x;
  }
};

// One dense window alone: WmaDiagonal costs its depth per bar for every
// window up to it, this costs the window's own n per bar. Its sum at bar t is
// WmaDiagonal's, (0 + 1·x[t−n+1]) + 2·x[t−n+2] + ... + n·x[t], each product
// rounded, then added, oldest first: one dependent chain of n adds per bar,
// bound by the add's latency. The chains of different bars are independent,
// so kWmaChains vectors of bars run side by side, two bars per F64x2 (four
// per F64x4 where the CPU has AVX), each lane doing exactly those operations
// in that order: the same bits (IEEE multiplies and adds round alike in
// every width, and the addon is built with -ffp-contract=off, so no
// multiply-add is fused).
constexpr int kWmaChains = 8;

// Window n's sum at bar t (x[t − n + 1 .. t] valid).
inline double wmaWindowSum(const double* x, int64_t t, int n) {
  const double* p = x + t - n;
  double acc = 0.0;
  for (int k = 1; k <= n; ++k) acc = acc + kWmaWeights.k[k] * p[k];
  return acc;
}

// Bars a vector type V sums at once (wmaBarValues).
template <typename V>
constexpr int wmaBars() { return kWmaChains * static_cast<int>(sizeof(V) / sizeof(double)); }

// y[l] = window n's sum at bar t + l times scale, l < wmaBars<V>(), with p = x + t − n.
template <typename V>
[[gnu::always_inline]] inline void wmaBarValues(const double* p, int n, double scale, double* y) {
  constexpr int kLanes = sizeof(V) / sizeof(double);
  V acc[kWmaChains] = {};
  for (int i = 0; i < kWmaChains; ++i) acc[i] = V::splat(0.0);
  for (int k = 1; k <= n; ++k) {
    const V w = V::splat(kWmaWeights.k[k]);
    for (int i = 0; i < kWmaChains; ++i) acc[i] = acc[i] + w * V::load(p + k + kLanes * i);
  }
  for (int i = 0; i < kWmaChains; ++i) (acc[i] * V::splat(scale)).store(y + kLanes * i);
}

// y[t] = window n's sum at bar t times scale for t in [from, to), every
// window full (from − n + 1 ≥ the run's first bar), bars of V at a time.
template <typename V>
[[gnu::always_inline]] inline void wmaWindowValuesBy(const double* x, int64_t from, int64_t to, int n, double scale, double* y) {
  int64_t t = from;
  for (; t + wmaBars<V>() <= to; t += wmaBars<V>()) wmaBarValues<V>(x + t - n, n, scale, y + t);
  for (; t < to; ++t) y[t] = wmaWindowSum(x, t, n) * scale;
}

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define TAGRID_WMA_AVX 1
// Four float64 lanes in a GCC/Clang vector: AVX registers in a function
// built for AVX (wmaWindowValuesAvx), two SSE2 halves elsewhere.
struct F64x4 {
  typedef double Vec __attribute__((vector_size(32), aligned(8), may_alias));
  Vec v;
  [[gnu::always_inline]] static F64x4 load(const double* p) { return {*reinterpret_cast<const Vec*>(p)}; }
  [[gnu::always_inline]] static F64x4 splat(double x) { return {Vec{x, x, x, x}}; }
  [[gnu::always_inline]] void store(double* p) const { *reinterpret_cast<Vec*>(p) = v; }
  [[gnu::always_inline]] friend F64x4 operator+(F64x4 a, F64x4 b) { return {a.v + b.v}; }
  [[gnu::always_inline]] friend F64x4 operator*(F64x4 a, F64x4 b) { return {a.v * b.v}; }
};
__attribute__((target("avx"))) inline void wmaWindowValuesAvx(const double* x, int64_t from, int64_t to, int n, double scale, double* y) {
  wmaWindowValuesBy<F64x4>(x, from, to, n, scale, y);
}
// The packaged addon targets baseline x86-64: AVX is chosen at run time.
inline const bool kWmaAvx = (__builtin_cpu_init(), __builtin_cpu_supports("avx"));
#endif

// y[t] = window n's sum at bar t times scale for t in [from, to), every
// window full (from − n + 1 ≥ the run's first bar).
inline void wmaWindowValues(const double* x, int64_t from, int64_t to, int n, double scale, double* y) {
#ifdef TAGRID_WMA_AVX
  if (kWmaAvx) return wmaWindowValuesAvx(x, from, to, n, scale, y);
#endif
  wmaWindowValuesBy<F64x2>(x, from, to, n, scale, y);
}

// wmaNext over bars [from, to) of one running WMA, every window full and
// dropping x[t − lag]: bar t's value to put(t, value). One window's wmaNext
// per bar took 7 ns a bar with its sums in WmaLanes' arrays (each chain
// through memory) and 5 in registers (about 30 scalar adds a bar), so its
// sums stay in registers and the plain sum's two updates of bar t run beside
// the weighted sum's of bar t − 1 (which read the plain sum of bar t − 1) in
// the two lanes of a vector: about half the operations, 3.9 ns a bar (window
// 300, 525,600 bars, fastest of 21 calls). Each lane takes wmaNext's
// operations in its order (adding −0 or subtracting +0 where a lane has no
// term leaves it as it is), so the bits are wmaNext's.
template <typename Put>
[[gnu::always_inline]] inline void wmaSlideRun(double& sum, double& sumErr, double& sub, double& subErr, const double* x, int64_t from, int64_t to, int64_t lag, double n, double divider, Put&& put) {
  if (from >= to) return;
#if defined(__GNUC__)
  typedef double Pair __attribute__((vector_size(16)));
  // Bar `from`'s plain sum alone: lane 0 then runs one bar ahead of lane 1.
  compensatedAdd(sub, subErr, x[from]);
  compensatedAdd(sub, subErr, -x[from - lag]);
  Pair a = {sub, sum}, err = {subErr, sumErr};
  for (int64_t t = from + 1; t < to; ++t) {
    double hi, lo;
    splitHalves(x[t - 1], hi, lo);
    const Pair dropped = {0.0, err[0]};  // bar t − 1's subErr, for lane 1's last step
    // Lane 0: x[t] into the plain sum (compensatedAdd); lane 1: x[t − 1] times n into the weighted one (weightedAdd).
    const Pair in = {x[t], hi * n};
    Pair s = a + in;
    err = err + (twoSumError(a, in, s) + Pair{-0.0, lo * n});
    put(t - 1, ((s + err) / divider)[1]);
    // Lane 0: the value leaving bar t's window; lane 1: bar t − 1's plain sum out of the weighted one.
    const Pair out = -Pair{x[t - lag], a[0]};
    a = s;
    s = a + out;
    err = (err + twoSumError(a, out, s)) - dropped;
    a = s;
  }
  sub = a[0], subErr = err[0], sum = a[1], sumErr = err[1];
  // Bar to − 1's weighted sum alone.
  weightedAdd(sum, sumErr, x[to - 1], n);
  put(to - 1, (sum + sumErr) / divider);
  compensatedAdd(sum, sumErr, -sub);
  sumErr -= subErr;
#else
  for (int64_t t = from; t < to; ++t) put(t, wmaNext(sum, sumErr, sub, subErr, x[t], x[t - lag], n, divider));
#endif
}

// Running WMAs (wmaNext: compensated sums) of a block, one lane each.
struct WmaLanes {
  alignas(64) double sum[kBlock], sumErr[kBlock], sub[kBlock], subErr[kBlock], span[kBlock], divider[kBlock];
  int32_t lag[kBlock];

  void setSpan(int j, int64_t w) {
    lag[j] = static_cast<int32_t>(w);
    span[j] = static_cast<double>(w);
    divider[j] = wmaDivider(span[j]);
  }
  void clear(int nb) {
    for (double* a : {sum, sumErr, sub, subErr}) std::fill(a, a + nb, 0.0);
  }
  // Value i (from 0) of lane j's series; trailing is value i − span, ignored
  // while i < span. NaN until the window is full.
  [[gnu::always_inline]] double feed(int j, double x, double trailing, int64_t i) {
    if (i + 1 < lag[j]) {
      wmaPrime(sum[j], sumErr[j], sub[j], subErr[j], x, static_cast<double>(i + 1));
      return kNaN;
    }
    return next(j, x, i >= lag[j] ? trailing : 0.0);
  }
  // The next value once the window is full (always inlined, as wmaNext: the kernels' hot loops call it per lane and bar).
  [[gnu::always_inline]] double next(int j, double x, double trailing) {
    return wmaNext(sum[j], sumErr[j], sub[j], subErr[j], x, trailing, span[j], divider[j]);
  }
  // Lane j alone over bars [from, to) of x, all windows full (wmaSlideRun).
  template <typename Put>
  [[gnu::always_inline]] void slideRun(int j, const double* x, int64_t from, int64_t to, Put&& put) {
    double s = sum[j], se = sumErr[j], b = sub[j], be = subErr[j];
    wmaSlideRun(s, se, b, be, x, from, to, lag[j], span[j], divider[j], put);
    sum[j] = s, sumErr[j] = se, sub[j] = b, subErr[j] = be;
  }
  // Every lane slides over bar t of x, all windows full.
  void slide(const double* __restrict x, int64_t t, int nb, double* __restrict row) {
    const double xt = x[t];
    for (int j = 0; j < nb; ++j) row[j] = next(j, xt, x[t - lag[j]]);
  }
  // The same when lag[j] = lag[0] + j: the trailing values are the run
  // past[0..nb) of x reversed (past[j] = x[t - lag[j]]), read without a gather.
  void slideRange(double xt, const double* __restrict past, int nb, double* __restrict row) {
    for (int j = 0; j < nb; ++j) row[j] = next(j, xt, past[j]);
  }
  // Lane j takes in[j] and drops back[j], all windows full.
  void slide(const double* __restrict in, const double* __restrict back, int nb, double* __restrict row) {
    for (int j = 0; j < nb; ++j) row[j] = next(j, in[j], back[j]);
  }  // Kernel state: lane i's four sums at state[S·(b0 + lane[i]) + 2] (after a LeadState's lead and age);
  // out of line, so the kernels' loops stay as a plain compute() builds them.
  [[gnu::noinline]] void load(const double* state, int64_t S, int64_t b0, const int32_t* lane, int nLanes) {
    for (int i = 0; i < nLanes; ++i) {
      const double* from = state + S * (b0 + lane[i]) + 2;
      sum[i] = from[0], sumErr[i] = from[1], sub[i] = from[2], subErr[i] = from[3];
    }
  }
  [[gnu::noinline]] void save(double* state, int64_t S, int64_t b0, const int32_t* lane, int nLanes) const {
    for (int i = 0; i < nLanes; ++i) {
      double* to = state + S * (b0 + lane[i]) + 2;
      to[0] = sum[i], to[1] = sumErr[i], to[2] = sub[i], to[3] = subErr[i];
    }
  }
};

}  // namespace tagrid::ma
