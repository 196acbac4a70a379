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
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing shortShadow2(k, kShadowVeryShort, first, 2);
    Trailing shortShadow1(k, kShadowVeryShort, first, 1);
    Trailing shortShadow0(k, kShadowVeryShort, first);
    Trailing near2(k, kNear, first, 2);
    Trailing near1(k, kNear, first, 1);
    Trailing far2(k, kFar, first, 2);
    Trailing far1(k, kFar, first, 1);
    Trailing bodyShort(k, kBodyShort, first);
    for (int64_t i = first; i < e; ++i) {
      const bool hit = k.color(i - 2) == 1 && k.upperShadow(i - 2) < shortShadow2.average(i) &&
                       k.color(i - 1) == 1 && k.upperShadow(i - 1) < shortShadow1.average(i) &&
                       k.color(i) == 1 && k.upperShadow(i) < shortShadow0.average(i) &&
                       k.close(i) > k.close(i - 1) && k.close(i - 1) > k.close(i - 2) &&
                       k.open(i - 1) > k.open(i - 2) && k.open(i - 1) <= k.close(i - 2) + near2.average(i) &&
                       k.open(i) > k.open(i - 1) && k.open(i) <= k.close(i - 1) + near1.average(i) &&
                       k.body(i - 1) > k.body(i - 2) - far2.average(i) &&
                       k.body(i) > k.body(i - 1) - far1.average(i) &&
                       k.body(i) > bodyShort.average(i);
      putAll(out, i, b0, nb, hit ? 100.0 : 0.0);
      rollAll(i, shortShadow2, shortShadow1, shortShadow0, far2, near2, far1, near1, bodyShort);
    }
  });
}

}  // namespace tagrid::pattern::three_white_soldiers
