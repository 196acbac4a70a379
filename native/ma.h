// Moving averages.
#pragma once
#include "primitives.h"

namespace tagrid {

// ma.sma: one prefix-sum pass per call serves every window of the grid.
// scratch: prefix (T + 1) + lastGap (T)
inline int64_t smaScratch(int64_t T) { return 2 * T + 1; }

template <typename Out>
int32_t sma(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < smaScratch(c.T)) return kScratchTooSmall;
  double* prefix = c.scratch;
  double* lastGap = c.scratch + c.T + 1;
  prefixSums(c.in[0], c.T, prefix, lastGap);
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    for (int64_t t = 0; t < c.T; ++t) {
      const double age = static_cast<double>(t) - lastGap[t];
      for (int j = 0; j < nb; ++j) {
        const double w = window[b0 + j];
        const double v = age >= w ? (prefix[t + 1] - prefix[t + 1 - static_cast<int64_t>(w)]) / w : kNaN;
        out.put(0, t, b0 + j, v);
      }
    }
  });
  return kOk;
}

// ma.ema: TA-Lib EMA, k = 2 / (n + 1), seeded with the mean of the first n values.
inline int64_t emaScratch(int64_t) { return 0; }

template <typename Out>
int32_t ema(const KernelCall& c, const OutView<Out>& out) {
  const double* x = c.in[0];
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        double state[kBlock], k[kBlock];
        int64_t seedAt[kBlock];
        for (int j = 0; j < nb; ++j) {
          const double n = window[b0 + j];
          k[j] = 2.0 / (n + 1.0);
          seedAt[j] = s + static_cast<int64_t>(n) - 1;
          state[j] = seedAt[j] < e ? sumRange(x, s, static_cast<int64_t>(n)) / n : kNaN;
        }
        for (int64_t t = s; t < e; ++t) {
          const double xt = x[t];
          for (int j = 0; j < nb; ++j) {
            if (t > seedAt[j]) state[j] = emaStep(state[j], xt, k[j]);
            out.put(0, t, b0 + j, t >= seedAt[j] ? state[j] : kNaN);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// ma.wma: TA-Lib WMA as running sums (wmaNext), O(1) per bar and variant.
// scratch: the running sums of one block
inline int64_t wmaScratch(int64_t) { return 2 * kBlock; }

template <typename Out>
int32_t wma(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < wmaScratch(c.T)) return kScratchTooSmall;
  const double* x = c.in[0];
  const double* window = c.param[0];
  double* st = c.scratch;
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t lag[kBlock], longest = 0;
    double divider[kBlock];
    for (int j = 0; j < nb; ++j) {
      lag[j] = static_cast<int64_t>(window[b0 + j]);
      divider[j] = wmaDivider(window[b0 + j]);
      longest = std::max(longest, lag[j]);
    }
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        std::fill(st, st + 2 * nb, 0.0);
        // Until the longest window is full, each variant primes or slides.
        const int64_t full = std::min(e, s + longest);
        int64_t t = s;
        for (; t < full; ++t) {
          const int64_t age = t - s;
          for (int j = 0; j < nb; ++j) {
            if (age + 1 < lag[j]) {
              wmaPrime(st + 2 * j, x[t], static_cast<double>(age + 1));
              out.put(0, t, b0 + j, kNaN);
            } else {
              const double trailing = age >= lag[j] ? x[t - lag[j]] : 0.0;
              out.put(0, t, b0 + j, wmaNext(st + 2 * j, x[t], trailing, window[b0 + j], divider[j]));
            }
          }
        }
        for (; t < e; ++t)
          for (int j = 0; j < nb; ++j)
            out.put(0, t, b0 + j, wmaNext(st + 2 * j, x[t], x[t - lag[j]], window[b0 + j], divider[j]));
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// ma.dema, ma.tema, ma.t3, ma.rma: chains of smoothers, each stage fed the
// one before and seeded with the mean of its first n inputs (TA-Lib).
// DEMA = 2·E1 − E2 and TEMA = E3 + (3·E1 − 3·E2) over EMAs; T3 (Tillson)
// steps its six stages as k·x + (1 − k)·e and weights e6..e3 with c1..c4 of
// its volume factor; RMA is one stage of Wilder's smoothing.
enum class EmaChain { Dema, Tema, T3, Rma };

constexpr int chainDepth(EmaChain kind) {
  return kind == EmaChain::Dema ? 2 : kind == EmaChain::Tema ? 3 : kind == EmaChain::T3 ? 6 : 1;
}

inline double t3Step(double e, double x, double k) { return k * x + (1.0 - k) * e; }

struct T3Weights {
  double c1, c2, c3, c4;
};

// In TA-Lib's operation order; the four do not sum to exactly 1.
inline T3Weights t3Weights(double a) {
  const double a2 = a * a, c1 = -(a2 * a);
  return {c1, 3.0 * (a2 - c1), -6.0 * a2 - 3.0 * (a - c1), 1.0 + 3.0 * a - c1 + 3.0 * a2};
}

template <EmaChain kind, typename Out>
int32_t emaChain(const KernelCall& c, const OutView<Out>& out) {
  constexpr int depth = chainDepth(kind);
  const double* x = c.in[0];
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    EmaStream e[depth][kBlock];
    T3Weights w[kBlock];
    if (kind == EmaChain::T3)
      for (int j = 0; j < nb; ++j) w[j] = t3Weights(c.param[1][b0 + j]);
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t end) {
        for (auto& stage : e)
          for (int j = 0; j < nb; ++j) stage[j].reset(window[b0 + j]);
        for (int64_t t = s; t < end; ++t)
          for (int j = 0; j < nb; ++j) {
            bool ready = true;
            double v = x[t];
            for (int d = 0; d < depth && ready; ++d) {
              EmaStream& stage = e[d][j];
              if (kind == EmaChain::T3 && stage.ready()) stage.value = t3Step(stage.value, v, stage.k);
              else if (kind == EmaChain::Rma && stage.ready()) stage.value = wilderStep(stage.value, v, stage.n);
              else ready = stage.push(v);
              v = stage.value;
            }
            if (!ready) v = kNaN;
            else if (kind == EmaChain::Dema) v = 2.0 * e[0][j].value - e[1][j].value;
            else if (kind == EmaChain::Tema) v = e[2][j].value + (3.0 * e[0][j].value - 3.0 * e[1][j].value);
            else if (kind == EmaChain::T3) v = w[j].c1 * e[5][j].value + w[j].c2 * e[4][j].value + w[j].c3 * e[3][j].value + w[j].c4 * e[2][j].value;
            // RMA's value is its one stage, already in v.
            out.put(0, t, b0 + j, v);
          }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

inline int64_t demaScratch(int64_t) { return 0; }
inline int64_t temaScratch(int64_t) { return 0; }
inline int64_t t3Scratch(int64_t) { return 0; }
inline int64_t rmaScratch(int64_t) { return 0; }

template <typename Out>
int32_t dema(const KernelCall& c, const OutView<Out>& out) { return emaChain<EmaChain::Dema>(c, out); }

template <typename Out>
int32_t tema(const KernelCall& c, const OutView<Out>& out) { return emaChain<EmaChain::Tema>(c, out); }

template <typename Out>
int32_t t3(const KernelCall& c, const OutView<Out>& out) { return emaChain<EmaChain::T3>(c, out); }

template <typename Out>
int32_t rma(const KernelCall& c, const OutView<Out>& out) { return emaChain<EmaChain::Rma>(c, out); }

// ma.trima: TA-Lib TRIMA as SMA(SMA(x, a), b), a + b = n + 1. The inner means
// come from prefix sums shared by every window; the outer sum runs per
// variant, adding the newest inner mean and dropping the oldest.
// scratch: prefix (T + 1) + lastGap (T)
inline int64_t trimaScratch(int64_t T) { return 2 * T + 1; }

// Spans of the two SMAs: (n+1)/2 twice for odd n, n/2 then n/2 + 1 for even n.
inline int64_t trimaInner(int64_t n) { return n % 2 ? (n + 1) / 2 : n / 2; }

template <typename Out>
int32_t trima(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < trimaScratch(c.T)) return kScratchTooSmall;
  double* prefix = c.scratch;
  double* lastGap = c.scratch + c.T + 1;
  prefixSums(c.in[0], c.T, prefix, lastGap);
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    double sum[kBlock];
    int64_t n[kBlock], inner[kBlock], outer[kBlock];
    for (int j = 0; j < nb; ++j) {
      n[j] = static_cast<int64_t>(window[b0 + j]);
      inner[j] = trimaInner(n[j]);
      outer[j] = n[j] + 1 - inner[j];
    }
    for (int64_t t = 0; t < c.T; ++t) {
      const int64_t age = t - static_cast<int64_t>(lastGap[t]);
      for (int j = 0; j < nb; ++j) {
        const int64_t a = inner[j], b = outer[j];
        if (age < a) { out.put(0, t, b0 + j, kNaN); continue; }
        const double mean = prefixWindowSum(prefix, t, a) / static_cast<double>(a);
        sum[j] = age == a ? mean : sum[j] + mean;
        if (age < n[j]) { out.put(0, t, b0 + j, kNaN); continue; }
        out.put(0, t, b0 + j, sum[j] / static_cast<double>(b));
        sum[j] -= prefixWindowSum(prefix, t - b + 1, a) / static_cast<double>(a);
      }
    }
  });
  return kOk;
}

// ma.kama: TA-Lib KAMA. ER = |x − x[t−n]| / Σ|Δx| over the window, the
// smoothing constant (ER·(2/3 − 2/31) + 2/31)² drives an EMA-like update that
// starts from x[n−1]. The path length of every window comes from one prefix
// sum of |Δx|, which is exactly 0 on a flat window.
// scratch: |Δx| (T) + prefix (T + 1) + lastGap (T)
inline int64_t kamaScratch(int64_t T) { return 3 * T + 1; }

constexpr double kKamaSlow = 2.0 / (30.0 + 1.0);
constexpr double kKamaDiff = 2.0 / (2.0 + 1.0) - kKamaSlow;

inline double kamaConstant(double change, double path) {
  const double er = path <= change || nearZero(path) ? 1.0 : std::fabs(change / path);
  const double sc = er * kKamaDiff + kKamaSlow;
  return sc * sc;
}

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
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    double state[kBlock];
    for (int64_t t = 0; t < c.T; ++t) {
      const int64_t age = t - static_cast<int64_t>(lastGap[t]);
      for (int j = 0; j < nb; ++j) {
        const int64_t n = static_cast<int64_t>(window[b0 + j]);
        if (age < n) { out.put(0, t, b0 + j, kNaN); continue; }
        if (age == n) state[j] = x[t - 1];
        const double sc = kamaConstant(x[t] - x[t - n], prefixWindowSum(prefix, t, n));
        state[j] = emaStep(state[j], x[t], sc);
        out.put(0, t, b0 + j, state[j]);
      }
    }
  });
  return kOk;
}

// ma.hma: Hull, WMA(2·WMA(x, n/2) − WMA(x, n), floor(√n)), three running WMAs
// per variant. The outer one needs its input m bars back: the last
// differences of each variant live in a small ring.
// scratch: three (weighted, plain) sums + a ring, per variant of a block
constexpr int64_t kHullRing = 32;
static_assert(kHullRing * kHullRing > kMaxWindow, "the ring holds floor(sqrt(window)) differences");
inline int64_t hmaScratch(int64_t) { return kBlock * (6 + kHullRing); }

inline int64_t hullSpan(double n) { return static_cast<int64_t>(std::sqrt(n)); }

// One value of a series fed to a running WMA of span w: value i (from 0),
// trailing = value i − w. NaN until the window is full.
inline double wmaFeed(double* st, double x, double trailing, int64_t i, int64_t w) {
  if (i + 1 < w) { wmaPrime(st, x, static_cast<double>(i + 1)); return kNaN; }
  const double n = static_cast<double>(w);
  return wmaNext(st, x, i >= w ? trailing : 0.0, n, wmaDivider(n));
}

template <typename Out>
int32_t hma(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < hmaScratch(c.T)) return kScratchTooSmall;
  const double* x = c.in[0];
  const double* window = c.param[0];
  for (int64_t v = c.v0; v < c.v1; ++v)
    if (hullSpan(window[v]) > kHullRing) return kBadParam;
  double* sums = c.scratch;
  double* rings = c.scratch + 6 * kBlock;
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        std::fill(sums, sums + 6 * nb, 0.0);
        for (int64_t t = s; t < e; ++t) {
          const int64_t age = t - s;
          for (int j = 0; j < nb; ++j) {
            const int64_t n = static_cast<int64_t>(window[b0 + j]), h = n / 2, m = hullSpan(window[b0 + j]);
            double* st = sums + 6 * j;
            double* ring = rings + kHullRing * j;
            const double half = wmaFeed(st, x[t], x[t - std::min(age, h)], age, h);
            const double full = wmaFeed(st + 2, x[t], x[t - std::min(age, n)], age, n);
            if (age + 1 < n) { out.put(0, t, b0 + j, kNaN); continue; }
            const int64_t i = age + 1 - n;
            const double diff = 2.0 * half - full;
            const double hull = wmaFeed(st + 4, diff, ring[(i + kHullRing - m) % kHullRing], i, m);
            ring[i % kHullRing] = diff;
            out.put(0, t, b0 + j, hull);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// ma.zlema: EMA (TA-Lib's seeding) of x + (x − x[t−lag]), lag = (n − 1)/2.
inline int64_t zlemaScratch(int64_t) { return 0; }

inline int64_t zlemaLag(double n) { return (static_cast<int64_t>(n) - 1) / 2; }

template <typename Out>
int32_t zlema(const KernelCall& c, const OutView<Out>& out) {
  const double* x = c.in[0];
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    EmaStream ema[kBlock];
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s, int64_t e) {
        for (int j = 0; j < nb; ++j) ema[j].reset(window[b0 + j]);
        for (int64_t t = s; t < e; ++t)
          for (int j = 0; j < nb; ++j) {
            const int64_t lag = zlemaLag(window[b0 + j]);
            const bool ready = t - s >= lag && ema[j].push(x[t] + (x[t] - x[t - lag]));
            out.put(0, t, b0 + j, ready ? ema[j].value : kNaN);
          }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

// ma.vwma: Σ(x·volume) / Σvolume over the window, from two prefix sums shared
// by every window; NaN where the window's volume is 0.
// inputs: source, volume. scratch: x·volume (T) + two prefixes (2T + 2) + lastGap (T)
inline int64_t vwmaScratch(int64_t T) { return 4 * T + 2; }

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
  const double* window = c.param[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    for (int64_t t = 0; t < c.T; ++t) {
      const double age = static_cast<double>(t) - lastGap[t];
      for (int j = 0; j < nb; ++j) {
        const double w = window[b0 + j];
        double v = kNaN;
        if (age >= w) {
          const int64_t n = static_cast<int64_t>(w);
          const double vol = prefixWindowSum(prefixVolume, t, n);
          if (vol != 0.0) v = prefixWindowSum(prefixWeighted, t, n) / vol;
        }
        out.put(0, t, b0 + j, v);
      }
    }
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
