// pattern.advance_block: TA-Lib CDLADVANCEBLOCK. Three white candles with
// rising closes, each opening within or near the previous body, the first long
// with a short upper shadow, the advance weakening (bodies shrinking far or
// step by step, or upper shadows growing): -100.
#pragma once
#include "common.h"

namespace tagrid::pattern::advance_block {

constexpr int64_t kLookback = std::max(std::max(std::max(kShadowLong.period, kShadowShort.period), std::max(kFar.period, kNear.period)), kBodyLong.period) + 2;

inline int64_t scratch(int64_t) { return 0; }

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, int64_t first, int64_t e) {
    double shadowShort2 = k.total(kShadowShort, first - 2);
    double shadowShort1 = k.total(kShadowShort, first - 1);
    double shadowShort0 = k.total(kShadowShort, first);
    double shadowLong1 = k.total(kShadowLong, first - 1);
    double shadowLong0 = k.total(kShadowLong, first);
    double near2 = k.total(kNear, first - 2);
    double near1 = k.total(kNear, first - 1);
    double far2 = k.total(kFar, first - 2);
    double far1 = k.total(kFar, first - 1);
    double bodyLong = k.total(kBodyLong, first - 2);
    for (int64_t i = first; i < e; ++i) {
      const bool hit =
          k.color(i - 2) == 1 && k.color(i - 1) == 1 && k.color(i) == 1 &&
          k.close(i) > k.close(i - 1) && k.close(i - 1) > k.close(i - 2) &&
          k.open(i - 1) > k.open(i - 2) && k.open(i - 1) <= k.close(i - 2) + k.average(kNear, near2, i - 2) &&
          k.open(i) > k.open(i - 1) && k.open(i) <= k.close(i - 1) + k.average(kNear, near1, i - 1) &&
          k.body(i - 2) > k.average(kBodyLong, bodyLong, i - 2) &&
          k.upperShadow(i - 2) < k.average(kShadowShort, shadowShort2, i - 2) &&
          ((k.body(i - 1) < k.body(i - 2) - k.average(kFar, far2, i - 2) &&
            k.body(i) < k.body(i - 1) + k.average(kNear, near1, i - 1)) ||
           k.body(i) < k.body(i - 1) - k.average(kFar, far1, i - 1) ||
           (k.body(i) < k.body(i - 1) && k.body(i - 1) < k.body(i - 2) &&
            (k.upperShadow(i) > k.average(kShadowShort, shadowShort0, i) ||
             k.upperShadow(i - 1) > k.average(kShadowShort, shadowShort1, i - 1))) ||
           (k.body(i) < k.body(i - 1) && k.upperShadow(i) > k.average(kShadowLong, shadowLong0, i)));
      putAll(out, i, b0, nb, hit ? -100.0 : 0.0);
      shadowShort2 = k.roll(kShadowShort, shadowShort2, i - 2);
      shadowShort1 = k.roll(kShadowShort, shadowShort1, i - 1);
      shadowShort0 = k.roll(kShadowShort, shadowShort0, i);
      shadowLong1 = k.roll(kShadowLong, shadowLong1, i - 1);
      shadowLong0 = k.roll(kShadowLong, shadowLong0, i);
      far2 = k.roll(kFar, far2, i - 2);
      near2 = k.roll(kNear, near2, i - 2);
      far1 = k.roll(kFar, far1, i - 1);
      near1 = k.roll(kNear, near1, i - 1);
      bodyLong = k.roll(kBodyLong, bodyLong, i - 2);
    }
  });
}

}  // namespace tagrid::pattern::advance_block
