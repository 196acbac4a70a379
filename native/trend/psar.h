// trend.psar: TA-Lib SAR with its acceleration split into a start and a step
// (SAR is start = step = acceleration; a start above the maximum is clamped to
// it, as TA-Lib does). Outputs psar and direction (+1 long, -1 short), from the
// second bar of a segment on. The first trend is short when that bar's -DM1
// is positive; the first SAR is the first bar's low (long) or high (short).
#pragma once
#include "common.h"

namespace tagrid::trend::psar {

// A long SAR may not rise into the range of the previous or the current bar.
inline double belowBars(double sar, double prevLow, double low) {
  if (sar > prevLow) sar = prevLow;
  if (sar > low) sar = low;
  return sar;
}

// A short SAR may not fall into the range of the previous or the current bar.
inline double aboveBars(double sar, double prevHigh, double high) {
  if (sar < prevHigh) sar = prevHigh;
  if (sar < high) sar = high;
  return sar;
}

struct SarLane {
  double sar, ep, af;
  bool isLong;

  // One bar in TA-Lib's order: report the SAR (on a reversal, the extreme
  // point), update the extreme point and acceleration, then step the SAR.
  double bar(double prevHigh, double prevLow, double high, double low, double afStart, double afStep, double afMax) {
    double reported;
    if (isLong) {
      if (low <= sar) {
        isLong = false;
        reported = aboveBars(ep, prevHigh, high);
        af = afStart;
        ep = low;
        sar = aboveBars(reported + af * (ep - reported), prevHigh, high);
      } else {
        reported = sar;
        if (high > ep) { ep = high; af = std::min(af + afStep, afMax); }
        sar = belowBars(sar + af * (ep - sar), prevLow, low);
      }
    } else {
      if (high >= sar) {
        isLong = true;
        reported = belowBars(ep, prevLow, low);
        af = afStart;
        ep = high;
        sar = belowBars(reported + af * (ep - reported), prevLow, low);
      } else {
        reported = sar;
        if (low < ep) { ep = low; af = std::min(af + afStep, afMax); }
        sar = aboveBars(sar + af * (ep - sar), prevHigh, high);
      }
    }
    return reported;
  }
};

// The starting acceleration, clamped to the maximum.
inline double sarStart(double start, double maxAf) { return start > maxAf ? maxAf : start; }

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const double *high = c.in[0], *low = c.in[1];
  const double *start = c.param[0], *step = c.param[1], *maxAf = c.param[2];
  forEachBlock(c, [&](int64_t b0, int nb) {
    forEachSegment(c.in, 2, c.T,
      [&](int64_t s, int64_t e) {
        out.putNaNAll(s, b0, nb);
        if (e - s < 2) return;
        const double up = high[s + 1] - high[s], down = low[s] - low[s + 1];
        const bool startLong = !(down > 0.0 && up < down);
        SarLane lane[kBlock];
        for (int j = 0; j < nb; ++j) {
          const int64_t v = b0 + j;
          lane[j] = {startLong ? low[s] : high[s], startLong ? high[s + 1] : low[s + 1],
                     sarStart(start[v], maxAf[v]), startLong};
        }
        for (int64_t t = s + 1; t < e; ++t) {
          const int64_t p = t > s + 1 ? t - 1 : t;  // TA-Lib's first bar is its own previous bar
          for (int j = 0; j < nb; ++j) {
            const int64_t v = b0 + j;
            out.put(0, t, v, lane[j].bar(high[p], low[p], high[t], low[t], sarStart(start[v], maxAf[v]), step[v], maxAf[v]));
            out.put(1, t, v, lane[j].isLong ? 1.0 : -1.0);
          }
        }
      },
      [&](int64_t t) { out.putNaNAll(t, b0, nb); });
  });
  return kOk;
}

}  // namespace tagrid::trend::psar
