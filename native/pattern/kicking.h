// pattern.kicking: TA-Lib CDLKICKING. Two marubozu of opposite colours with a
// gap between them: a black one then a white one gapping up (+100), or a
// white one then a black one gapping down (-100).
#pragma once
#include "common.h"

namespace tagrid::pattern::kicking {

constexpr int64_t kLookback = std::max(kShadowVeryShort.period, kBodyLong.period) + 1;

inline int64_t scratch(int64_t) { return 0; }

// The kicking scan, shared with pattern.kicking_by_length: signal(i) is the
// value of a kick ending at bar i.
template <typename Out, typename Signal>
int32_t scan(const KernelCall& c, const OutView<Out>& out, Signal&& signal) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    // bodyLongD, shortShadowD: the totals judging bar i - D
    Trailing bodyLong1(k, kBodyLong, first, 1), bodyLong0(k, kBodyLong, first);
    Trailing shortShadow1(k, kShadowVeryShort, first, 1), shortShadow0(k, kShadowVeryShort, first);
    // whether bar j (i - the totals' lag) is a marubozu
    auto marubozu = [&](int64_t i, int64_t j, const Trailing& bodyLong, const Trailing& shortShadow) {
      const double shadow = shortShadow.average(i);
      return k.body(j) > bodyLong.average(i) && k.upperShadow(j) < shadow && k.lowerShadow(j) < shadow;
    };
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.color(i - 1) == -k.color(i) &&
                       marubozu(i, i - 1, bodyLong1, shortShadow1) && marubozu(i, i, bodyLong0, shortShadow0) &&
                       ((k.color(i - 1) == -1 && k.gapUp(i, i - 1)) || (k.color(i - 1) == 1 && k.gapDown(i, i - 1)));
      putAll(out, i, b0, nb, hit ? signal(k, i) : 0.0);
      rollAll(i, bodyLong1, shortShadow1, bodyLong0, shortShadow0);
    }
  });
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  return scan(c, out, [](const Candles& k, int64_t i) { return k.color(i) * 100.0; });
}

}  // namespace tagrid::pattern::kicking
