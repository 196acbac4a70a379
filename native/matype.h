// TA-Lib's TA_MA: a moving average of a given type over a series, for
// indicators with a `matype` axis (MACDEXT's three averages, ...). The
// series is an array (a source column or a line made on the fly), averaged
// over one valid run [from, to) as if it began at `from`, the way TA-Lib's
// functions start at startIdx − lookback. asm/matype.ts mirrors it.
#pragma once
#include "ma/common.h"
#include "ma/kama.h"
#include "ma/mama.h"

namespace tagrid::matype {

// Codes of the `matype` choice param (MA_TYPES in src/indicators/params.ts),
// TA-Lib's TA_MAType order.
enum Code : int { kSma = 0, kEma, kWma, kDema, kTema, kTrima, kKama, kMama, kT3 };

// The fixed parameters TA_MA passes: MAMA's limits and T3's volume factor.
constexpr double kMamaFast = 0.5, kMamaSlow = 0.05, kT3VFactor = 0.7;

inline int code(double paramValue) { return static_cast<int>(paramValue); }

// TA_MA_Lookback: bars before the first value (0 for a period of 1, which
// TA_MA copies through for every type).
inline int64_t lookback(int type, int64_t n) {
  if (n <= 1) return 0;
  switch (type) {
    case kDema: return 2 * (n - 1);
    case kTema: return 3 * (n - 1);
    case kKama: return n;
    case kMama: return ma::mama::kLookback;
    case kT3: return 6 * (n - 1);
    default: return n - 1;  // SMA, EMA, WMA, TRIMA
  }
}

// TA-Lib's SMA of x[from, to) into y from bar from + n − 1: adds the newest
// value, emits sum / n, drops the oldest.
inline void sma(const double* x, int64_t from, int64_t to, int64_t n, double* y) {
  const double span = static_cast<double>(n);
  double sum = 0.0;
  for (int64_t t = from; t < to; ++t) {
    sum += x[t];
    if (t - from < n - 1) continue;
    y[t] = sum / span;
    sum -= x[t - n + 1];
  }
}

// EMA (1 stage), DEMA (2), TEMA (3), T3 (6): stages seeded with the mean of
// their first n inputs, as the chains of ma/common.h.
inline void emaChain(int type, const double* x, int64_t from, int64_t to, int64_t n, double* y) {
  const int depth = type == kDema ? 2 : type == kTema ? 3 : type == kT3 ? 6 : 1;
  const double nd = static_cast<double>(n), k = 2.0 / (nd + 1.0);
  const double a = kT3VFactor, a2 = a * a;  // T3's weights in TA-Lib's operation order
  const double c1 = -(a2 * a), c2 = 3.0 * (a2 - c1), c3 = -6.0 * a2 - 3.0 * (a - c1), c4 = 1.0 + 3.0 * a - c1 + 3.0 * a2;
  EmaStream stage[6];
  double e[6] = {};
  for (int d = 0; d < depth; ++d) stage[d].reset(nd);
  for (int64_t t = from; t < to; ++t) {
    double v = x[t];
    bool ready = true;
    for (int d = 0; d < depth && ready; ++d) {
      EmaStream& s = stage[d];
      if (s.ready()) s.value = type == kT3 ? ma::t3Step(s.value, v, k) : emaStep(s.value, v, k);
      else ready = s.push(v);
      v = e[d] = s.value;
    }
    if (!ready) continue;
    y[t] = type == kDema ? 2.0 * e[0] - e[1]
         : type == kTema ? e[2] + (3.0 * e[0] - 3.0 * e[1])
         : type == kT3 ? c1 * e[5] + c2 * e[4] + c3 * e[3] + c4 * e[2]
         : e[0];
  }
}

// TA-Lib's WMA (weights 1..n), with ma.wma's bits: a window up to
// kDenseWma is its weighted sum made afresh at every bar, oldest value first
// (a WmaDiagonal's sums, made for the window alone: wmaWindowValues), times
// 1 / the divider; a longer one keeps compensated running sums (wmaNext). Callers averaging one series over
// several dense windows push one diagonal for all of them (denseWma,
// wmaScale): the same operations, so the same values.
inline bool denseWma(int type, int64_t n) { return type == kWma && n <= ma::kDenseWma; }
inline double wmaScale(int64_t n) { return 1.0 / wmaDivider(static_cast<double>(n)); }

inline void wma(const double* x, int64_t from, int64_t to, int64_t n, double* y) {
  if (n <= ma::kDenseWma) {
    if (to - from >= n) ma::wmaWindowValues(x, from + n - 1, to, static_cast<int>(n), wmaScale(n), y);
    return;
  }
  const double span = static_cast<double>(n), divider = wmaDivider(span);
  double sum = 0.0, sumErr = 0.0, sub = 0.0, subErr = 0.0;
  for (int64_t t = from; t < to; ++t) {
    const int64_t i = t - from;
    if (i + 1 < n) wmaPrime(sum, sumErr, sub, subErr, x[t], static_cast<double>(i + 1));
    else y[t] = wmaNext(sum, sumErr, sub, subErr, x[t], i >= n ? x[t - n] : 0.0, span, divider);
  }
}

// TA-Lib's KAMA from bar from + n, its path length a running sum of |Δx| in
// TA-Lib's order (drop the oldest difference, add the newest). Not ma.kama's
// exact window sums: the lines averaged here (%K, a spread of two averages)
// sit on flat stretches where TA-Lib's residue of that sum, against an exact
// 0, decides between the slowest and the fastest constant.
inline void kama(const double* x, int64_t from, int64_t to, int64_t n, double* y) {
  if (to - from <= n) return;
  double path = 0.0;
  for (int64_t t = from + 1; t <= from + n; ++t) path += std::fabs(x[t - 1] - x[t]);
  double value = x[from + n - 1];
  for (int64_t t = from + n; t < to; ++t) {
    if (t > from + n) {
      path -= std::fabs(x[t - n - 1] - x[t - n]);
      path += std::fabs(x[t] - x[t - 1]);
    }
    value = emaStep(value, x[t], ma::kama::kamaConstant(x[t] - x[t - n], path));
    y[t] = value;
  }
}

// TA-Lib's MAMA with TA_MA's limits 0.5 and 0.05 (the FAMA is not needed).
inline void mama(const double* x, int64_t from, int64_t to, double* y) {
  if (to - from <= ma::mama::kLookback) return;
  cycle::HilbertCore core;
  double value = 0.0, prevPhase = 0.0;
  for (int64_t t = core.start(x, from, ma::mama::kWarmup); t < to; ++t) {
    core.step(x, t, ((t - from) & 1) == 0);
    const double phase = core.phase(), a = ma::mama::alpha(prevPhase - phase, kMamaFast, kMamaSlow);
    prevPhase = phase;
    value = (a * x[t]) + ((1 - a) * value);
    if (t - from >= ma::mama::kLookback) y[t] = value;
  }
}

// y[from, to) = TA_MA of x[from, to) with period n and type `type`: NaN over
// the lookback, then the average. work: scratch of T doubles indexed like x
// (TRIMA's inner means).
inline void average(int type, int64_t n, const double* x, int64_t from, int64_t to, double* y, double* work) {
  if (from >= to) return;
  for (int64_t t = from; t < std::min(to, from + lookback(type, n)); ++t) y[t] = kNaN;
  if (n <= 1) {
    std::copy(x + from, x + to, y + from);
    return;
  }
  switch (type) {
    case kSma: sma(x, from, to, n, y); break;
    case kWma: wma(x, from, to, n, y); break;
    case kTrima: {
      // SMA(SMA(x, inner), n + 1 − inner), as ma.trima.
      const int64_t inner = n % 2 ? (n + 1) / 2 : n / 2;
      sma(x, from, to, inner, work);
      sma(work, std::min(to, from + inner - 1), to, n + 1 - inner, y);
      break;
    }
    case kKama: kama(x, from, to, n, y); break;
    case kMama: mama(x, from, to, y); break;
    default: emaChain(type, x, from, to, n, y);  // EMA, DEMA, TEMA, T3
  }
}

// TA_MA fed one value at a time, for a kernel continuing a series from a
// stream's state (KernelCall::stateIn): the operations of the functions above
// in their order, each lane's state s[0, size()) in the layout of
// src/stream/steppers/matypes.ts's lanes (all 0 at a run's start), so the
// stream hands its lanes to the kernel as they are. A plain call keeps the
// loops above. Lanes exist for a period of 1 (a copy), SMA, the EMA chains,
// TRIMA and KAMA (hasLane); WMA and MAMA streams step their batches.
struct Lane {
  int type = kSma;
  int64_t n = 1;

  static bool hasLane(int type, int64_t n) { return n <= 1 || (type != kWma && type != kMama); }
  static int depth(int type) { return type == kDema ? 2 : type == kTema ? 3 : type == kT3 ? 6 : 1; }
  static int64_t trimaInner(int64_t n) { return n % 2 ? (n + 1) / 2 : n / 2; }
  static int64_t smaSize(int64_t n) { return 3 + n; }

  int64_t size() const {
    if (n <= 1) return 0;
    switch (type) {
      case kSma: return smaSize(n);
      case kTrima: return smaSize(trimaInner(n)) + smaSize(n + 1 - trimaInner(n));
      case kKama: return 4 + n + 1;
      default: return 2 * depth(type);  // the EMA chains
    }
  }

  // Feeds the run's next value; the average, NaN over the lookback.
  double push(double* s, double x) const {
    if (n <= 1) return x;
    switch (type) {
      case kSma: return pushSma(s, n, x);
      case kTrima: {
        const int64_t inner = trimaInner(n);
        const bool warm = s[0] < static_cast<double>(inner - 1);  // the inner SMA has no value at this bar
        const double m = pushSma(s, inner, x);
        return warm ? kNaN : pushSma(s + smaSize(inner), n + 1 - inner, m);
      }
      case kKama: return pushKama(s, x);
      default: return pushChain(s, x);
    }
  }

  // [values fed (up to n − 1), ring position, sum, ring of the last n values]: sma's steps.
  static double pushSma(double* s, int64_t n, double x) {
    const double i = s[0];
    const int64_t pos = static_cast<int64_t>(s[1]);
    double sum = s[2] + x;
    s[3 + pos] = x;
    const int64_t next = pos + 1 == n ? 0 : pos + 1;
    s[1] = static_cast<double>(next);
    if (i < static_cast<double>(n - 1)) {
      s[0] = i + 1;
      s[2] = sum;
      return kNaN;
    }
    const double y = sum / static_cast<double>(n);
    sum -= s[3 + next];  // x[t − n + 1], the oldest of this window
    s[2] = sum;
    return y;
  }

  // (value, count) per stage (EmaStream's): emaChain's steps.
  double pushChain(double* s, double x) const {
    const bool t3 = type == kT3;
    const double nd = static_cast<double>(n), k = 2.0 / (nd + 1.0);
    const int64_t end = 2 * depth(type);
    double y = x;
    for (int64_t e = 0; e < end; e += 2) {
      if (s[e + 1] >= nd) {
        y = s[e] = t3 ? ma::t3Step(s[e], y, k) : emaStep(s[e], y, k);
        continue;
      }
      const double count = s[e + 1] + 1, sum = s[e] + y;
      s[e + 1] = count;
      s[e] = count < nd ? sum : sum / nd;
      if (count < nd) return kNaN;
      y = s[e];
    }
    const double a = kT3VFactor, a2 = a * a;
    const double c1 = -(a2 * a), c2 = 3.0 * (a2 - c1), c3 = -6.0 * a2 - 3.0 * (a - c1), c4 = 1.0 + 3.0 * a - c1 + 3.0 * a2;
    switch (type) {
      case kDema: return 2.0 * s[0] - s[2];
      case kTema: return s[4] + (3.0 * s[0] - 3.0 * s[2]);
      case kT3: return c1 * s[10] + c2 * s[8] + c3 * s[6] + c4 * s[4];
      default: return y;
    }
  }

  // [values fed (up to n + 1), ring position, path, value, ring of the last n + 1 values before this one]: kama's steps.
  double pushKama(double* s, double x) const {
    double* ring = s + 4;
    const double i = s[0], nd = static_cast<double>(n);
    const int64_t pos = static_cast<int64_t>(s[1]);
    const int64_t next = pos == n ? 0 : pos + 1;
    const double prev = ring[pos == 0 ? n : pos - 1];
    double y = kNaN;
    if (i >= 1 && i <= nd) s[2] = s[2] + std::fabs(prev - x);  // the first n differences, in order
    if (i >= nd) {
      double path = s[2];
      if (i > nd) {
        path -= std::fabs(ring[pos] - ring[next]);
        path += std::fabs(x - prev);
        s[2] = path;
      }
      const double start = i == nd ? prev : s[3];  // the average starts from x[from + n − 1]
      y = emaStep(start, x, ma::kama::kamaConstant(x - ring[next], path));
      s[3] = y;
    }
    ring[pos] = x;
    s[1] = static_cast<double>(next);
    s[0] = i > nd ? i : i + 1;
    return y;
  }
};

}  // namespace tagrid::matype
