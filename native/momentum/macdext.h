// momentum.macdext: TA-Lib MACDEXT, MACD with a moving-average type per
// average (fast_matype, slow_matype, signal_matype; params 3..5). As TA-Lib,
// fast > slow swaps periods and types; both averages start so that their
// first values fall on the same bar, max of their lookbacks into the run
// (each begins that lookback earlier, as TA_MA from a later startIdx), the
// signal averages the line from there, and all three outputs start on the
// signal's first bar. Variants with three 'ema' types are MACD (with the
// line copied through for a signal window of 1) and run in emaSpread's lanes;
// the others one at a time, each average over whole arrays.
// scratch: fast, slow, line, signal, work (T each)
#pragma once
#include <utility>
#include "../matype.h"
#include "common.h"

namespace tagrid::momentum::macdext {

inline int64_t scratch(int64_t T) { return 5 * T; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  if (c.scratchLen < scratch(c.T)) return kScratchTooSmall;
  double* fastMa = c.scratch;
  double* slowMa = fastMa + c.T;
  double* line = slowMa + c.T;
  double* signal = line + c.T;
  double* work = signal + c.T;
  const double* x = c.in[0];
  SpreadStyle emas{true, true, -1};
  emas.maParam = 3;
  emas.maParamCount = 3;
  emas.copyAtOne = true;
  if (const int32_t status = emaSpread(c, out, emas, emaDifference); status != kOk) return status;
  // From a stream's state: the variants' lanes (laneSpread), each average from its own bar of the run.
  auto lanesOf = [&](int64_t v) {
    int64_t f = static_cast<int64_t>(c.param[0][v]), sl = static_cast<int64_t>(c.param[1][v]);
    int ft = matype::code(c.param[3][v]), st = matype::code(c.param[4][v]);
    if (sl < f) {
      std::swap(f, sl);
      std::swap(ft, st);
    }
    LaneSpread ls{{ft, f}, {st, sl}, {matype::code(c.param[5][v]), static_cast<int64_t>(c.param[2][v])}};
    const int64_t lf = matype::lookback(ft, f), lsl = matype::lookback(st, sl), largest = std::max(lf, lsl);
    ls.fastFrom = largest - lf;
    ls.slowFrom = largest - lsl;
    ls.lineFrom = largest;
    ls.on = largest + matype::lookback(ls.signal.type, ls.signal.n);
    ls.ext = true;
    return ls;
  };
  if (c.stateIn) {
    for (int64_t v = c.v0; v < c.v1; ++v) {
      if (spreadsEma(c, emas, v)) continue;
      const LaneSpread ls = lanesOf(v);
      for (const matype::Lane& l : {ls.fast, ls.slow, ls.signal})
        if (!matype::Lane::hasLane(l.type, l.n)) return kBadParam;
      if (!c.stateOut || stateStride(c) < kSpreadState + ls.size()) return kBadParam;
    }
    for (int64_t v = c.v0; v < c.v1; ++v)
      if (!spreadsEma(c, emas, v)) laneSpread(c, out, v, lanesOf(v), emaDifference);
    return kOk;
  }
  forEachBlock(c, [&](int64_t b0, int nb) {
    // A dense 'wma' average is its window's fresh sum at every bar, whatever
    // bar it starts from: it is made from the run's first bar, and the next
    // variants with the same window read it as it is (grids vary the signal
    // fastest, so a fast WMA serves ~50 variants of the default grid, a slow one 5).
    int64_t fastHeld = 0, slowHeld = 0;  // the window fastMa / slowMa holds over every run (0: none)
    for (int64_t v = b0; v < b0 + nb; ++v) {
      if (spreadsEma(c, emas, v)) continue;
      int64_t f = static_cast<int64_t>(c.param[0][v]), sl = static_cast<int64_t>(c.param[1][v]);
      int ft = matype::code(c.param[3][v]), st = matype::code(c.param[4][v]);
      if (sl < f) {
        std::swap(f, sl);
        std::swap(ft, st);
      }
      const int64_t sig = static_cast<int64_t>(c.param[2][v]);
      const int sigType = matype::code(c.param[5][v]);
      const int64_t lf = matype::lookback(ft, f), ls = matype::lookback(st, sl);
      const int64_t largest = std::max(lf, ls), lsig = matype::lookback(sigType, sig);
      const bool fastWma = matype::denseWma(ft, f), slowWma = matype::denseWma(st, sl);
      const bool fastKept = fastWma && fastHeld == f, slowKept = slowWma && slowHeld == sl;
      forEachSegment(c.in, 1, c.T,
        [&](int64_t s, int64_t e) {
          const int64_t begin = std::min(e, s + largest);
          if (!fastKept) matype::average(ft, f, x, fastWma ? s : begin - std::min(begin - s, lf), e, fastMa, work);
          if (!slowKept) matype::average(st, sl, x, slowWma ? s : begin - std::min(begin - s, ls), e, slowMa, work);
          for (int64_t t = begin; t < e; ++t) line[t] = fastMa[t] - slowMa[t];
          matype::average(sigType, sig, line, begin, e, signal, work);
          for (int64_t t = s; t < e; ++t) {
            const bool on = t >= begin + lsig;
            out.put(0, t, v, on ? line[t] : kNaN);
            out.put(1, t, v, on ? signal[t] : kNaN);
            out.put(2, t, v, on ? line[t] - signal[t] : kNaN);
          }
        },
        [&](int64_t t) { out.putNaNAll(t, v, 1); });
      fastHeld = fastWma ? f : 0;
      slowHeld = slowWma ? sl : 0;
    }
  });
  return kOk;
}

}  // namespace tagrid::momentum::macdext
