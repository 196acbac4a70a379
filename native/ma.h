// Moving averages.
//
// Every kernel keeps the state of a block of variants side by side ("lanes")
// and writes each bar as one row of the block. Bars where some variant of the
// block is still warming up take a branchy path; once every variant is past
// its warm-up the block loop is branch-free and vectorizes.
#pragma once
#include "primitives.h"

namespace tagrid {

// Walks the bars of a block for lanes that read windows of prefix sums:
// run = valid bars ending at t. Bars where run >= steadyRun for the whole
// block take lanes.steady(t, nb, row), the others lanes.warm(t, run, nb, row).
template <typename Out, typename Lanes>
inline void windowRows(const OutView<Out>& out, const double* lastGap, int64_t T, int64_t b0, int nb, int64_t steadyRun, Lanes& lanes) {
  alignas(64) double row[kBlock];
  for (int64_t t = 0; t < T; ++t) {
    const int64_t run = t - static_cast<int64_t>(lastGap[t]);
    if (run >= steadyRun) lanes.steady(t, nb, row);
    else lanes.warm(t, run, nb, row);
    out.putRow(0, t, b0, nb, row);
  }
}

// Window lengths of a block: n[j] as a count, w[j] as a double.
// (32-bit lengths: GCC vectorizes the gathers they index.)
struct WindowLanes {
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
  const double* prefixRev = nullptr;  // prefix reversed (prefixRev[i] = prefix[T - i]), when kReversed
  int64_t T = 0;
};

// ma.sma: one prefix-sum pass per call serves every window of the grid;
// consecutive windows read the reversed prefix as a forward run.
struct SmaLanes : PrefixLanes {
  static constexpr bool kReversed = true;

  // A multiply by 1/n instead of TA-Lib's divide: within one ulp, and the
  // divide would be the slowest instruction of the loop.
  double at(int j, int64_t t) const { return prefixWindowSum(prefix, t, n[j]) * inv[j]; }
  void steady(int64_t t, int nb, double* __restrict row) const {
    if (consecutive) {
      // prefix[t + 1 - n[j]] = prefixRev[T - t - 1 + n[0] + j]: a forward run.
      const double head = prefix[t + 1];
      const double* __restrict tail = prefixRev + (T - t - 1 + n[0]);
      for (int j = 0; j < nb; ++j) row[j] = (head - tail[j]) * inv[j];
    } else {
      for (int j = 0; j < nb; ++j) row[j] = at(j, t);
    }
  }
  void warm(int64_t t, int64_t run, int nb, double* __restrict row) const {
    for (int j = 0; j < nb; ++j) row[j] = run >= n[j] ? at(j, t) : kNaN;
  }
};

// SMA and TRIMA: lanes over one prefix sum of the source.
// scratch: prefix (T + 1) + lastGap (T) [+ prefix reversed (T + 1) when Lanes::kReversed]
template <typename Lanes>
constexpr int64_t prefixLanesScratch(int64_t T) { return 2 * T + 1 + (Lanes::kReversed ? T + 1 : 0); }

template <typename Lanes, typename Out>
int32_t overSourcePrefix(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < prefixLanesScratch<Lanes>(c.T)) return kScratchTooSmall;
  double* prefix = c.scratch;
  double* lastGap = prefix + c.T + 1;
  double* prefixRev = Lanes::kReversed ? lastGap + c.T : nullptr;
  prefixSums(c.in[0], c.T, prefix, lastGap);
  if (prefixRev) reversed(prefix, c.T + 1, prefixRev);
  forEachBlock(c, [&](int64_t b0, int nb) {
    Lanes lanes;
    lanes.prefix = prefix;
    lanes.prefixRev = prefixRev;
    lanes.T = c.T;
    lanes.load(c.param[0] + b0, nb);
    windowRows(out, lastGap, c.T, b0, nb, lanes.longest, lanes);
  });
  return kOk;
}

inline int64_t smaScratch(int64_t T) { return prefixLanesScratch<SmaLanes>(T); }

template <typename Out>
int32_t sma(const KernelCall& c, const OutView<Out>& out) { return overSourcePrefix<SmaLanes>(c, out); }

// ma.trima: TA-Lib TRIMA as SMA(SMA(x, a), b), a + b = n + 1: (n+1)/2 twice
// for odd n, n/2 then n/2 + 1 for even n. The inner means come from the
// shared prefix sums; the outer sum runs per lane, adding the newest inner
// mean, emitting, then dropping the oldest.
struct TrimaLanes : PrefixLanes {
  static constexpr bool kReversed = false;
  alignas(64) double sum[kBlock], innerSpan[kBlock], outerSpan[kBlock];
  int32_t inner[kBlock], outer[kBlock];

  void load(const double* window, int nb) {
    WindowLanes::load(window, nb);
    for (int j = 0; j < nb; ++j) {
      inner[j] = n[j] % 2 ? (n[j] + 1) / 2 : n[j] / 2;
      outer[j] = n[j] + 1 - inner[j];
      innerSpan[j] = static_cast<double>(inner[j]);
      outerSpan[j] = static_cast<double>(outer[j]);
    }
  }
  double mean(int j, int64_t t) const { return prefixWindowSum(prefix, t, inner[j]) / innerSpan[j]; }
  double slide(int j, int64_t t) {
    sum[j] += mean(j, t);
    const double v = sum[j] / outerSpan[j];
    sum[j] -= mean(j, t - outer[j] + 1);
    return v;
  }
  void steady(int64_t t, int nb, double* __restrict row) {
    for (int j = 0; j < nb; ++j) row[j] = slide(j, t);
  }
  void warm(int64_t t, int64_t run, int nb, double* __restrict row) {
    for (int j = 0; j < nb; ++j) {
      row[j] = kNaN;
      if (run < inner[j]) continue;
      if (run == inner[j]) sum[j] = 0.0;  // the first inner mean of a run of valid bars
      if (run < n[j]) sum[j] += mean(j, t);
      else row[j] = slide(j, t);
    }
  }
};

inline int64_t trimaScratch(int64_t T) { return prefixLanesScratch<TrimaLanes>(T); }

template <typename Out>
int32_t trima(const KernelCall& c, const OutView<Out>& out) { return overSourcePrefix<TrimaLanes>(c, out); }

// ma.kama: TA-Lib KAMA. ER = |x − x[t−n]| / Σ|Δx| over the window, and the
// smoothing constant (ER·(2/3 − 2/31) + 2/31)² drives an EMA-like update
// that starts from x[n−1]. The path length of every window comes from one
// prefix sum of |Δx|, which is exactly 0 on a flat window.
// scratch: |Δx| (T) + prefix (T + 1) + lastGap (T)
inline int64_t kamaScratch(int64_t T) { return 3 * T + 1; }

constexpr double kKamaSlow = 2.0 / (30.0 + 1.0);
constexpr double kKamaDiff = 2.0 / (2.0 + 1.0) - kKamaSlow;

inline double kamaConstant(double change, double path) {
  const double ratio = std::fabs(change / path);  // divided either way: no branch
  const double er = path <= change || nearZero(path) ? 1.0 : ratio;
  const double sc = er * kKamaDiff + kKamaSlow;
  return sc * sc;
}

struct KamaLanes : WindowLanes {
  const double *x, *prefix;
  alignas(64) double kama[kBlock];

  double slide(int j, int64_t t) {
    kama[j] = emaStep(kama[j], x[t], kamaConstant(x[t] - x[t - n[j]], prefixWindowSum(prefix, t, n[j])));
    return kama[j];
  }
  void steady(int64_t t, int nb, double* __restrict row) {
    for (int j = 0; j < nb; ++j) row[j] = slide(j, t);
  }
  // run counts the valid differences ending at t: n of them first at bar n.
  void warm(int64_t t, int64_t run, int nb, double* __restrict row) {
    for (int j = 0; j < nb; ++j) {
      row[j] = kNaN;
      if (run < n[j]) continue;
      if (run == n[j]) kama[j] = x[t - 1];
      row[j] = slide(j, t);
    }
  }
};

template <typename Out>
int32_t kama(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < kamaScratch(c.T)) return kScratchTooSmall;
  const double* x = c.in[0];
  double* absDiff = c.scratch;
  double* prefix = c.scratch + c.T;
  double* lastGap = prefix + c.T + 1;
  // |Δx| is NaN at bar 0 and next to a gap, so a window of n differences is
  // NaN-free exactly when its n + 1 bars are.
  for (int64_t t = 0; t < c.T; ++t) absDiff[t] = t > 0 ? std::fabs(x[t] - x[t - 1]) : kNaN;
  prefixSums(absDiff, c.T, prefix, lastGap);
  forEachBlock(c, [&](int64_t b0, int nb) {
    KamaLanes lanes;
    lanes.x = x;
    lanes.prefix = prefix;
    lanes.load(c.param[0] + b0, nb);
    windowRows(out, lastGap, c.T, b0, nb, lanes.longest + 1, lanes);
  });
  return kOk;
}

// ma.vwma: Σ(x·volume) / Σvolume over the window, from two prefix sums shared
// by every window; NaN where the window's volume is 0.
// inputs: source, volume. scratch: x·volume (T) + two prefixes (2T + 2) + lastGap (T)
inline int64_t vwmaScratch(int64_t T) { return 4 * T + 2; }

struct VwmaLanes : WindowLanes {
  const double *prefixWeighted, *prefixVolume;

  double at(int j, int64_t t) const {
    const double volume = prefixWindowSum(prefixVolume, t, n[j]);
    const double mean = prefixWindowSum(prefixWeighted, t, n[j]) / volume;  // divided either way: no branch
    return volume != 0.0 ? mean : kNaN;
  }
  void steady(int64_t t, int nb, double* __restrict row) const {
    for (int j = 0; j < nb; ++j) row[j] = at(j, t);
  }
  void warm(int64_t t, int64_t run, int nb, double* __restrict row) const {
    for (int j = 0; j < nb; ++j) row[j] = run >= n[j] ? at(j, t) : kNaN;
  }
};

template <typename Out>
int32_t vwma(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < vwmaScratch(c.T)) return kScratchTooSmall;
  const double *x = c.in[0], *volume = c.in[1];
  double* weighted = c.scratch;
  double* prefixWeighted = weighted + c.T;
  double* prefixVolume = prefixWeighted + c.T + 1;
  double* lastGap = prefixVolume + c.T + 1;
  for (int64_t t = 0; t < c.T; ++t) weighted[t] = x[t] * volume[t];
  // x·volume is NaN wherever either input is, so its gaps are the ones that count.
  prefixSums(volume, c.T, prefixVolume, lastGap);
  prefixSums(weighted, c.T, prefixWeighted, lastGap);
  forEachBlock(c, [&](int64_t b0, int nb) {
    VwmaLanes lanes;
    lanes.prefixWeighted = prefixWeighted;
    lanes.prefixVolume = prefixVolume;
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
// lag = (n − 1)/2. EmaStream seeds each stage during the warm-up.
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
  int64_t warmAge = 0;  // from this age of a run on every stage of the block is seeded

  void load(const KernelCall& c, int64_t b0, int nb) {
    for (int j = 0; j < nb; ++j) {
      n[j] = c.param[0][b0 + j];
      k[j] = 2.0 / (n[j] + 1.0);
      lag[j] = kind == EmaChain::Zlema ? static_cast<int32_t>(zlemaLag(n[j])) : 0;
      warmAge = std::max(warmAge, lag[j] + kDepth * (static_cast<int64_t>(n[j]) - 1) + 1);
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
    double v = input(j, x, t);
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

template <EmaChain kind, typename Out>
int32_t emaChain(const KernelCall& c, const OutView<Out>& out) {
  constexpr int depth = chainDepth(kind);
  const double* x = c.in[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    ChainLanes<kind> lanes;
    lanes.load(c, b0, nb);
    EmaStream stages[depth][kBlock];
    EmaStream* streams[depth];
    for (int d = 0; d < depth; ++d) streams[d] = stages[d];
    alignas(64) double row[kBlock];
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        for (int d = 0; d < depth; ++d)
          for (int j = 0; j < nb; ++j) stages[d][j].reset(lanes.n[j]);
        const int64_t steady = std::min(e, s + lanes.warmAge);
        int64_t t = s;
        for (; t < steady; ++t) {
          for (int j = 0; j < nb; ++j) row[j] = lanes.warm(j, streams, x, t, t - s);
          out.putRow(0, t, b0, nb, row);
        }
        for (; t < e; ++t) {
          lanes.steady(x, t, nb, row);
          out.putRow(0, t, b0, nb, row);
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

inline int64_t emaScratch(int64_t) { return 0; }
inline int64_t demaScratch(int64_t) { return 0; }
inline int64_t temaScratch(int64_t) { return 0; }
inline int64_t t3Scratch(int64_t) { return 0; }
inline int64_t rmaScratch(int64_t) { return 0; }
inline int64_t zlemaScratch(int64_t) { return 0; }

template <typename Out>
int32_t ema(const KernelCall& c, const OutView<Out>& out) { return emaChain<EmaChain::Ema>(c, out); }

template <typename Out>
int32_t dema(const KernelCall& c, const OutView<Out>& out) { return emaChain<EmaChain::Dema>(c, out); }

template <typename Out>
int32_t tema(const KernelCall& c, const OutView<Out>& out) { return emaChain<EmaChain::Tema>(c, out); }

template <typename Out>
int32_t t3(const KernelCall& c, const OutView<Out>& out) { return emaChain<EmaChain::T3>(c, out); }

template <typename Out>
int32_t rma(const KernelCall& c, const OutView<Out>& out) { return emaChain<EmaChain::Rma>(c, out); }

template <typename Out>
int32_t zlema(const KernelCall& c, const OutView<Out>& out) { return emaChain<EmaChain::Zlema>(c, out); }

// TA-Lib running WMAs (wmaNext) of a block, one lane each.
struct WmaLanes {
  alignas(64) double sum[kBlock], sub[kBlock], span[kBlock], divider[kBlock];
  int32_t lag[kBlock];

  void setSpan(int j, int64_t w) {
    lag[j] = static_cast<int32_t>(w);
    span[j] = static_cast<double>(w);
    divider[j] = wmaDivider(span[j]);
  }
  void clear(int nb) {
    std::fill(sum, sum + nb, 0.0);
    std::fill(sub, sub + nb, 0.0);
  }
  // Value i (from 0) of lane j's series; trailing is value i − span, ignored
  // while i < span. NaN until the window is full.
  double feed(int j, double x, double trailing, int64_t i) {
    if (i + 1 < lag[j]) {
      wmaPrime(sum[j], sub[j], x, static_cast<double>(i + 1));
      return kNaN;
    }
    return wmaNext(sum[j], sub[j], x, i >= lag[j] ? trailing : 0.0, span[j], divider[j]);
  }
  // The next value once the window is full.
  double next(int j, double x, double trailing) { return wmaNext(sum[j], sub[j], x, trailing, span[j], divider[j]); }
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
  }
};

// ma.wma: TA-Lib WMA, O(1) per bar and variant. A grid of consecutive
// windows reads its trailing values as one run of x reversed.
// scratch: x reversed (T)
inline int64_t wmaScratch(int64_t T) { return T; }

template <typename Out>
int32_t wma(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < wmaScratch(c.T)) return kScratchTooSmall;
  const double* x = c.in[0];
  double* xRev = c.scratch;
  reversed(x, c.T, xRev);
  forEachBlock(c, [&](int64_t b0, int nb) {
    WmaLanes w;
    alignas(64) double row[kBlock];
    int64_t longest = 0;
    bool range = true;
    for (int j = 0; j < nb; ++j) {
      w.setSpan(j, static_cast<int64_t>(c.param[0][b0 + j]));
      longest = std::max<int64_t>(longest, w.lag[j]);
      range = range && w.lag[j] == w.lag[0] + j;
    }
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        w.clear(nb);
        const int64_t steady = std::min(e, s + longest);
        int64_t t = s;
        for (; t < steady; ++t) {
          const int64_t age = t - s;
          for (int j = 0; j < nb; ++j) row[j] = w.feed(j, x[t], x[t - std::min<int64_t>(age, w.lag[j])], age);
          out.putRow(0, t, b0, nb, row);
        }
        for (; t < e; ++t) {
          if (range) w.slideRange(x[t], xRev + (c.T - 1 - t + w.lag[0]), nb, row);
          else w.slide(x, t, nb, row);
          out.putRow(0, t, b0, nb, row);
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// ma.hma: Hull, WMA(2·WMA(x, n/2) − WMA(x, n), floor(√n)): three lanes of
// running WMAs per block. The hull WMA reads its input m bars back from a
// ring of the last kHullRing differences, one row of the block per bar.
// scratch: the ring (kHullRing rows of a block)
constexpr int64_t kHullRing = 32;
static_assert(kHullRing * kHullRing > kMaxWindow, "the ring holds floor(sqrt(window)) differences");
inline int64_t hmaScratch(int64_t) { return kHullRing * kBlock; }

inline int64_t hullSpan(double n) { return static_cast<int64_t>(std::sqrt(n)); }
inline int64_t hullSlot(int64_t t) { return (t & (kHullRing - 1)) * kBlock; }

// back[j] = the difference of lane j from m[j] bars before t.
inline void hullBack(const double* __restrict ring, const int32_t* __restrict m, int64_t t, int nb, double* __restrict back) {
  for (int j = 0; j < nb; ++j) back[j] = ring[hullSlot(t - m[j]) + j];
}

template <typename Out>
int32_t hma(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < hmaScratch(c.T)) return kScratchTooSmall;
  if (!windowsFit(c, 0)) return kBadParam;
  const double* x = c.in[0];
  double* ring = c.scratch;
  forEachBlock(c, [&](int64_t b0, int nb) {
    WmaLanes half, full, hull;
    alignas(64) double diff[kBlock], back[kBlock], row[kBlock];
    int64_t warm = 0;
    for (int j = 0; j < nb; ++j) {
      const double n = c.param[0][b0 + j];
      half.setSpan(j, static_cast<int64_t>(n) / 2);
      full.setSpan(j, static_cast<int64_t>(n));
      hull.setSpan(j, hullSpan(n));
      // From this age on all three WMAs of lane j slide over real values.
      warm = std::max<int64_t>(warm, full.lag[j] - 1 + hull.lag[j]);
    }
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        half.clear(nb);
        full.clear(nb);
        hull.clear(nb);
        const int64_t steady = std::min(e, s + warm);
        int64_t t = s;
        for (; t < steady; ++t) {
          const int64_t age = t - s;
          for (int j = 0; j < nb; ++j) {
            const double h = half.feed(j, x[t], x[t - std::min<int64_t>(age, half.lag[j])], age);
            const double f = full.feed(j, x[t], x[t - std::min<int64_t>(age, full.lag[j])], age);
            if (age + 1 < full.lag[j]) { row[j] = kNaN; continue; }
            const int64_t i = age + 1 - full.lag[j];
            const double d = 2.0 * h - f;
            const double b = ring[hullSlot(t - std::min<int64_t>(i, hull.lag[j])) + j];
            ring[hullSlot(t) + j] = d;
            row[j] = hull.feed(j, d, b, i);
          }
          out.putRow(0, t, b0, nb, row);
        }
        for (; t < e; ++t) {
          half.slide(x, t, nb, diff);
          full.slide(x, t, nb, row);
          for (int j = 0; j < nb; ++j) diff[j] = 2.0 * diff[j] - row[j];
          hullBack(ring, hull.lag, t, nb, back);
          std::copy(diff, diff + nb, ring + hullSlot(t));
          hull.slide(diff, back, nb, row);
          out.putRow(0, t, b0, nb, row);
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

inline const KernelEntry kMaKernels[] = {
  TAGRID_KERNEL("ma.sma", 1, 1, 1, sma),
  TAGRID_KERNEL("ma.ema", 1, 1, 1, ema),
  TAGRID_KERNEL("ma.wma", 1, 1, 1, wma),
  TAGRID_KERNEL("ma.dema", 1, 1, 1, dema),
  TAGRID_KERNEL("ma.tema", 1, 1, 1, tema),
  TAGRID_KERNEL("ma.trima", 1, 1, 1, trima),
  TAGRID_KERNEL("ma.kama", 1, 1, 1, kama),
  TAGRID_KERNEL("ma.t3", 1, 2, 1, t3),
  TAGRID_KERNEL("ma.rma", 1, 1, 1, rma),
  TAGRID_KERNEL("ma.hma", 1, 1, 1, hma),
  TAGRID_KERNEL("ma.zlema", 1, 1, 1, zlema),
  TAGRID_KERNEL("ma.vwma", 2, 1, 1, vwma),
};

}  // namespace tagrid
