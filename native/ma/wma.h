// ma.wma: TA-Lib WMA. Windows up to kDenseWma read the block's fresh sums
// of every window (WmaDiagonal, or each window's own when they are few:
// wmaWindowValues, the same sums), longer ones keep compensated running sums
// (WmaLanes, wmaNext; a long window alone in its call in registers,
// wmaSlideRun: the same bits); which one a variant takes depends on its
// window alone.
//
// Kernel state (per variant, kWmaState numbers): [lead, age, then a long
// window's sum, sumErr, sub, subErr] (LeadState). The call's first `lead` bars
// are the bars before the state (lead >= the longest window: every value a window
// reads and drops lies in the call); `age` counts the valid bars of the run
// through bar lead - 1. A dense window needs nothing more (its sums are
// fresh); a long one goes on from its running sums. stateOut: the same
// after the last bar. Grids of dense windows alone take a prelude instead.
#pragma once
#include "common.h"

namespace tagrid::ma::wma {

inline int64_t scratch(int64_t) { return 0; }

constexpr int kWmaState = 6;

// A block sums each dense window for itself (byWindow) when it has at most
// kByWindowLanes of them and their lengths add up to at most kByWindow times
// the longest (see run).
constexpr int64_t kByWindow = 2;
// A byWindow tile's bars: whole groups of wmaWindowValues (16 or 32 bars), none left to the scalar sums.
constexpr int kByWindowLanes = 32, kWindowTile = 32;

// A run going on from the state (out of line, so a plain call's loops build
// as before): the long lanes' sums, and the dense sums of the last bars
// before `from` (all in the call: lead >= every window).
[[gnu::noinline]] inline void goOn(const KernelCall& c, int64_t b0, WmaLanes& running, const int32_t* longLane, int nLong, WmaDiagonal& diag, int64_t s, int64_t from) {
  running.load(c.stateIn, kWmaState, b0, longLane, nLong);
  for (int64_t t = std::max(s, from - diag.depth); t < from; ++t) diag.push(c.in[0][t]);
}

// stateOut after the run [s, e) of a block: lead and age, a long lane's sums (0 for a dense one).
[[gnu::noinline]] inline void keepState(const KernelCall& c, const LeadState& state, int64_t b0, int nb, const WmaLanes& running, const int32_t* longLane, int nLong, int64_t s, int64_t e) {
  for (int j = 0; j < nb; ++j) std::fill_n(state.keep(c, kWmaState, b0 + j, s, e) + 2, kWmaState - 2, 0.0);
  running.save(c.stateOut, kWmaState, b0, longLane, nLong);
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  LeadState state;
  if (state.read(c, kWmaState, static_cast<int64_t>(maxParam(c, 0))) != kOk) return kBadParam;
  const double* x = c.in[0];
  forEachBlock(c, [&](int64_t b0, int nb) {
    WmaDiagonal diag;
    WmaLanes running;  // the long windows, packed: lane i is variant b0 + longLane[i]
    alignas(64) double row[kBlock], scale[kBlock];  // scale: 1 / the WMA's divider
    int32_t at[kBlock], longLane[kBlock];  // at[j]: lane j's entry of diag.sums (0 for a long window)
    int nLong = 0;
    int64_t longest = 0;
    bool range = true;  // every window dense and n[j] = n[0] + j
    for (int j = 0; j < nb; ++j) {
      const int64_t n = static_cast<int64_t>(c.param[0][b0 + j]);
      longest = std::max(longest, n);
      scale[j] = 1.0 / wmaDivider(static_cast<double>(n));
      if (n <= kDenseWma) {
        at[j] = static_cast<int32_t>(n);
        diag.depth = std::max(diag.depth, at[j]);
      } else {
        at[j] = 0;
        running.setSpan(nLong, n);
        longLane[nLong++] = j;
      }
      range = range && at[j] == at[0] + j && at[0] > 0;
    }
    // A window alone, or a few sparse ones: each summed for itself
    // (wmaWindowValues) costs the windows' lengths per bar, where the
    // diagonal costs its depth at about half the speed per term.
    int32_t denseLane[kByWindowLanes];
    int nDense = 0;
    int64_t denseSum = 0;
    for (int j = 0; j < nb && nDense <= kByWindowLanes; ++j) {
      if (!at[j]) continue;
      denseSum += at[j];
      if (nDense < kByWindowLanes) denseLane[nDense] = j;
      ++nDense;
    }
    const bool byWindow = nDense > 0 && nDense <= kByWindowLanes && denseSum <= kByWindow * diag.depth;
    alignas(64) double tile[kByWindowLanes][kWindowTile];  // byWindow: dense lane i's values at bar t0 + l
    state.startBlock(c, kWmaState, b0, nb);
    forEachSegment(c.in, 1, c.T,
      [&](int64_t s0, int64_t e) {
        // s: the run's first bar (before the call when it goes on from the state); from: its first bar to compute.
        const LeadState::Run r = state.run(s0, e);
        const int64_t s = r.origin, from = r.from;
        for (int64_t t = s0; t < from; ++t) out.putNaNAll(t, b0, nb);
        running.clear(nLong);
        if (r.goesOn) goOn(c, b0, running, longLane, nLong, diag, s, from);
        if (byWindow) {
          for (int64_t t0 = from; t0 < e; t0 += kWindowTile) {
            const int64_t t1 = std::min(e, t0 + kWindowTile);
            for (int i = 0; i < nDense; ++i) {
              const int n = at[denseLane[i]];
              const int64_t first = std::clamp<int64_t>(s + n - 1, t0, t1);  // the window's first full bar
              std::fill(tile[i], tile[i] + (first - t0), kNaN);
              wmaWindowValues(x + t0, first - t0, t1 - t0, n, scale[denseLane[i]], tile[i]);
            }
            for (int64_t t = t0; t < t1; ++t) {
              const int64_t age = t - s;
              for (int i = 0; i < nDense; ++i) row[denseLane[i]] = tile[i][t - t0];
              for (int i = 0; i < nLong; ++i)
                row[longLane[i]] = running.feed(i, x[t], x[t - std::min<int64_t>(age, running.lag[i])], age);
              out.putRow(0, t, b0, nb, row);
            }
          }
        } else {
          const int64_t steady = std::min(e, std::max(from, s + longest));  // from here every window is full and drops a value
          int64_t t = from;
          for (; t < steady; ++t) {
            const int64_t age = t - s;
            diag.push(x[t]);
            for (int j = 0; j < nb; ++j) row[j] = age + 1 >= at[j] ? diag.sums[at[j]] * scale[j] : kNaN;
            for (int i = 0; i < nLong; ++i)
              row[longLane[i]] = running.feed(i, x[t], x[t - std::min<int64_t>(age, running.lag[i])], age);
            out.putRow(0, t, b0, nb, row);
          }
          // A long window alone: its sums in registers (wmaSlideRun).
          if (nb == 1 && nLong == 1) {
            running.slideRun(0, x, t, e, [&](int64_t u, double w) { out.put(0, u, b0, w); });
            t = e;
          }
          for (; t < e; ++t) {
            diag.push(x[t]);
            if (range) {
              const double* __restrict sums = diag.sums + at[0];
              for (int j = 0; j < nb; ++j) row[j] = sums[j] * scale[j];
            } else {
              for (int j = 0; j < nb; ++j) row[j] = diag.sums[at[j]] * scale[j];
              for (int i = 0; i < nLong; ++i) row[longLane[i]] = running.next(i, x[t], x[t - running.lag[i]]);
            }
            out.putRow(0, t, b0, nb, row);
          }
        }
        if (c.stateOut && from < e) keepState(c, state, b0, nb, running, longLane, nLong, s, e);
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::ma::wma
