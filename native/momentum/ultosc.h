// momentum.ultosc: TA-Lib ULTOSC. Buying pressure C - min(L, C_prev) and the
// true range are computed once per call. Per variant, three running sums of
// each, primed from their own first bars as TA-Lib does, kept with their
// rounding errors (compensatedAdd) so they do not drift along a long run. The windows are
// sorted first, as TA-Lib does, so the shortest gets weight 4.
// scratch: bp (T) + tr (T)
#pragma once
#include <algorithm>
#include "common.h"

namespace tagrid::momentum::ultosc {

inline int64_t scratch(int64_t T) { return 2 * T; }

// Kernel state (per variant, kUltoscState numbers): [lead, age, then per
// window, shortest first: the buying-pressure sum and its error, the
// true-range sum and its error]. The call's first `lead` bars are the
// bars before the state (lead >= the longest window, so every bar a sum adds or drops
// and its previous close are in the call); `age` counts the valid bars of
// the run through bar lead - 1. stateOut: the same after the last bar (age 0
// after a gap), the sums as the last run left them.
constexpr int kUltoscState = 14;

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  LeadState state;
  const double longest = std::max({maxParam(c, 0), maxParam(c, 1), maxParam(c, 2)});
  if (state.read(c, kUltoscState, std::max<int64_t>(static_cast<int64_t>(longest), 1)) != kOk) return kBadParam;
  const double *high = c.in[0], *low = c.in[1], *close = c.in[2];
  double* bp = c.scratch;
  double* tr = c.scratch + c.T;
  for (int64_t t = 1; t < c.T; ++t) {
    bp[t] = close[t] - (low[t] < close[t - 1] ? low[t] : close[t - 1]);
    tr[t] = trueRange(high[t], low[t], close[t - 1]);
  }
  forEachBlock(c, [&](int64_t b0, int nb) {
    int64_t p[3][kBlock];
    for (int j = 0; j < nb; ++j) {
      double w[3] = {c.param[0][b0 + j], c.param[1][b0 + j], c.param[2][b0 + j]};
      std::sort(w, w + 3);
      for (int q = 0; q < 3; ++q) p[q][j] = static_cast<int64_t>(w[q]);
    }
    state.startBlock(c, kUltoscState, b0, nb);
    forEachSegment(c.in, 3, c.T,
      [&](int64_t s, int64_t e) {
        const LeadState::Run r = state.run(s, e);
        for (int64_t t = s; t < r.from; ++t) out.putNaNAll(t, b0, nb);
        if (r.from == e) return;
        double a[3][kBlock], b[3][kBlock], ea[3][kBlock], eb[3][kBlock];  // sums and their errors
        for (int q = 0; q < 3; ++q) {
          for (int j = 0; j < nb; ++j) {
            const double* in = r.goesOn ? c.stateIn + kUltoscState * (b0 + j) + 2 + 4 * q : nullptr;
            a[q][j] = in ? in[0] : 0.0;
            ea[q][j] = in ? in[1] : 0.0;
            b[q][j] = in ? in[2] : 0.0;
            eb[q][j] = in ? in[3] : 0.0;
          }
        }
        for (int64_t t = r.from; t < e; ++t) {
          for (int j = 0; j < nb; ++j) {
            const int64_t first = r.origin + p[2][j];  // first output bar
            for (int q = 0; q < 3; ++q) {
              if (t > first - p[q][j]) {
                compensatedAdd(a[q][j], ea[q][j], bp[t]);
                compensatedAdd(b[q][j], eb[q][j], tr[t]);
              }
            }
            double v = kNaN;
            if (t >= first) {
              double A[3], B[3];
              for (int q = 0; q < 3; ++q) {
                A[q] = a[q][j] + ea[q][j];
                B[q] = b[q][j] + eb[q][j];
              }
              double sum = 0.0;
              if (!nearZero(B[0])) sum += 4.0 * (A[0] / B[0]);
              if (!nearZero(B[1])) sum += 2.0 * (A[1] / B[1]);
              if (!nearZero(B[2])) sum += A[2] / B[2];
              v = 100.0 * (sum / 7.0);
              for (int q = 0; q < 3; ++q) {
                const int64_t oldest = t - p[q][j] + 1;
                compensatedAdd(a[q][j], ea[q][j], -bp[oldest]);
                compensatedAdd(b[q][j], eb[q][j], -tr[oldest]);
              }
            }
            out.put(0, t, b0 + j, v);
          }
        }
        if (!c.stateOut) return;
        for (int j = 0; j < nb; ++j) {
          double* to = state.keep(c, kUltoscState, b0 + j, r.origin, e);
          for (int q = 0; q < 3; ++q) {
            to[2 + 4 * q] = a[q][j];
            to[3 + 4 * q] = ea[q][j];
            to[4 + 4 * q] = b[q][j];
            to[5 + 4 * q] = eb[q][j];
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::momentum::ultosc
