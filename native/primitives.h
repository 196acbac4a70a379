// Building blocks every kernel shares: validity segments (the NaN policy),
// prefix sums, Wilder and EMA steps, true range. asm/primitives.ts mirrors them.
#pragma once
#include <algorithm>
#include "abi.h"

namespace tagrid {

// A bar is valid when every input column the kernel reads is a number there.
inline bool validAt(const double* const* cols, int nCols, int64_t t) {
  for (int i = 0; i < nCols; ++i)
    if (std::isnan(cols[i][t])) return false;
  return true;
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

// Calls block(b0, nb) for consecutive blocks of at most kBlock variants.
template <typename Block>
inline void forEachBlock(const KernelCall& c, Block&& block) {
  for (int64_t b0 = c.v0; b0 < c.v1; b0 += kBlock)
    block(b0, static_cast<int>(std::min<int64_t>(kBlock, c.v1 - b0)));
}

// prefix[i] = sum of the valid x[0..i), lastGap[t] = index of the last invalid
// bar at or before t (or -1). A window [t-w+1, t] is NaN-free exactly when
// t - lastGap[t] >= w, and its sum is prefix[t+1] - prefix[t+1-w].
inline void prefixSums(const double* x, int64_t T, double* prefix, double* lastGap) {
  double sum = 0.0, gap = -1.0;
  prefix[0] = 0.0;
  for (int64_t t = 0; t < T; ++t) {
    if (std::isnan(x[t])) gap = static_cast<double>(t);
    else sum += x[t];
    prefix[t + 1] = sum;
    lastGap[t] = gap;
  }
}

// Sequential sum of x[from .. from+n), the order TA-Lib seeds averages in.
inline double sumRange(const double* x, int64_t from, int64_t n) {
  double s = 0.0;
  for (int64_t i = 0; i < n; ++i) s += x[from + i];
  return s;
}

// TA-Lib's EMA update, in its operation order.
inline double emaStep(double prev, double x, double k) { return (x - prev) * k + prev; }

// Wilder's smoothing, in TA-Lib's operation order (RSI, ATR).
inline double wilderStep(double prev, double x, double n) { return (prev * (n - 1.0) + x) / n; }

// TA-Lib TRANGE for a bar with a previous close.
inline double trueRange(double high, double low, double prevClose) {
  double r = high - low;
  double a = std::fabs(prevClose - high);
  if (a > r) r = a;
  double b = std::fabs(low - prevClose);
  if (b > r) r = b;
  return r;
}

// TA-Lib's TA_IS_ZERO.
inline bool nearZero(double x) { return x > -1e-14 && x < 1e-14; }

}  // namespace tagrid
