// pattern.three_white_soldiers: TA-Lib CDL3WHITESOLDIERS. Three white candles
// with very short upper shadows and rising closes, each opening within or near
// the previous body, none far shorter than the one before, the last not short: +100.
#pragma once
#include "common.h"

namespace tagrid::pattern::three_white_soldiers {

constexpr int64_t kLookback = std::max(std::max(kShadowVeryShort.period, kBodyShort.period), std::max(kFar.period, kNear.period)) + 2;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, int64_t first, int64_t e) {
    double shortShadow2 = k.total(kShadowVeryShort, first - 2);
    double shortShadow1 = k.total(kShadowVeryShort, first - 1);
    double shortShadow0 = k.total(kShadowVeryShort, first);
    double near2 = k.total(kNear, first - 2);
    double near1 = k.total(kNear, first - 1);
    double far2 = k.total(kFar, first - 2);
    double far1 = k.total(kFar, first - 1);
    double bodyShort = k.total(kBodyShort, first);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.color(i - 2) == 1 && k.upperShadow(i - 2) < k.average(kShadowVeryShort, shortShadow2, i - 2) &&
                       k.color(i - 1) == 1 && k.upperShadow(i - 1) < k.average(kShadowVeryShort, shortShadow1, i - 1) &&
                       k.color(i) == 1 && k.upperShadow(i) < k.average(kShadowVeryShort, shortShadow0, i) &&
                       k.close(i) > k.close(i - 1) && k.close(i - 1) > k.close(i - 2) &&
                       k.open(i - 1) > k.open(i - 2) && k.open(i - 1) <= k.close(i - 2) + k.average(kNear, near2, i - 2) &&
                       k.open(i) > k.open(i - 1) && k.open(i) <= k.close(i - 1) + k.average(kNear, near1, i - 1) &&
                       k.body(i - 1) > k.body(i - 2) - k.average(kFar, far2, i - 2) &&
                       k.body(i) > k.body(i - 1) - k.average(kFar, far1, i - 1) &&
                       k.body(i) > k.average(kBodyShort, bodyShort, i);
      putAll(out, i, b0, nb, hit ? 100.0 : 0.0);
      shortShadow2 = k.roll(kShadowVeryShort, shortShadow2, i - 2);
      shortShadow1 = k.roll(kShadowVeryShort, shortShadow1, i - 1);
      shortShadow0 = k.roll(kShadowVeryShort, shortShadow0, i);
      far2 = k.roll(kFar, far2, i - 2);
      near2 = k.roll(kNear, near2, i - 2);
      far1 = k.roll(kFar, far1, i - 1);
      near1 = k.roll(kNear, near1, i - 1);
      bodyShort = k.roll(kBodyShort, bodyShort, i);
    }
  });
}

}  // namespace tagrid::pattern::three_white_soldiers
