// cycle.ht_trendmode: TA-Lib HT_TRENDMODE, 1 in a trend and 0 in a cycle
// (cycle/common.h). A cycle starts where the sine crosses the lead sine and
// lasts at least half a dominant period, or while the phase advances at about
// the cycle's rate; a price 1.5% or more away from the trendline is a trend.
#pragma once
#include "common.h"

namespace tagrid::cycle::ht_trendmode {

inline int64_t scratch(int64_t) { return 0; }

// Its numbers in the kernel state (after the transform's): sine, lead sine, days in trend.
constexpr int64_t kOwn = 3;

struct TrendMode {
  double prevPhase = 0.0, sine = 0.0, leadSine = 0.0;
  int daysInTrend = 0;

  double bar(HilbertCore& core, const double* x, int64_t s, int64_t t) {
    prevPhase = core.dcPhase;
    core.updatePhase();
    const double deg2Rad = 1.0 / rad2Deg();
    const double prevSine = sine, prevLeadSine = leadSine;
    sine = fdlibm::sin(core.dcPhase * deg2Rad);
    leadSine = fdlibm::sin((core.dcPhase + 45) * deg2Rad);
    const double line = core.trendline(x, s, t);
    int trend = 1;
    if ((sine > leadSine && prevSine <= prevLeadSine) || (sine < leadSine && prevSine >= prevLeadSine)) {
      daysInTrend = 0;
      trend = 0;
    }
    daysInTrend++;
    if (daysInTrend < 0.5 * core.smoothPeriod) trend = 0;
    const double advance = core.dcPhase - prevPhase;
    if (core.smoothPeriod != 0.0 && advance > 0.67 * 360.0 / core.smoothPeriod && advance < 1.5 * 360.0 / core.smoothPeriod) trend = 0;
    const double price = core.smoothPrice[core.ringIdx];
    if (line != 0.0 && std::fabs((price - line) / line) >= 0.015) trend = 1;
    return trend;
  }
};

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  TrendMode mode;
  return runHilbert<1>(c, out, 34, 63, kOwn,
    [&](int, const double* carried) {
      mode = TrendMode{};
      if (!carried) return;
      mode.sine = carried[state::kOwn];
      mode.leadSine = carried[state::kOwn + 1];
      mode.daysInTrend = static_cast<int>(carried[state::kOwn + 2]);
    },
    [&](HilbertCore& core, const double* x, int64_t origin, int64_t t, double* values) { values[0] = mode.bar(core, x, origin, t); },
    [&](int, double* kept) {
      kept[state::kOwn] = mode.sine;
      kept[state::kOwn + 1] = mode.leadSine;
      kept[state::kOwn + 2] = mode.daysInTrend;
    });
}

}  // namespace tagrid::cycle::ht_trendmode
