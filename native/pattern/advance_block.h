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
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Trailing shadowShort2(k, kShadowShort, first, 2);
    Trailing shadowShort1(k, kShadowShort, first, 1);
    Trailing shadowShort0(k, kShadowShort, first);
    Trailing shadowLong1(k, kShadowLong, first, 1);
    Trailing shadowLong0(k, kShadowLong, first);
    Trailing near2(k, kNear, first, 2);
    Trailing near1(k, kNear, first, 1);
    Trailing far2(k, kFar, first, 2);
    Trailing far1(k, kFar, first, 1);
    Trailing bodyLong(k, kBodyLong, first, 2);
    for (int64_t i = first; i < e; ++i) {
      const bool hit =
          k.color(i - 2) == 1 && k.color(i - 1) == 1 && k.color(i) == 1 &&
          k.close(i) > k.close(i - 1) && k.close(i - 1) > k.close(i - 2) &&
          k.open(i - 1) > k.open(i - 2) && k.open(i - 1) <= k.close(i - 2) + near2.average(i) &&
          k.open(i) > k.open(i - 1) && k.open(i) <= k.close(i - 1) + near1.average(i) &&
          k.body(i - 2) > bodyLong.average(i) &&
          k.upperShadow(i - 2) < shadowShort2.average(i) &&
          ((k.body(i - 1) < k.body(i - 2) - far2.average(i) &&
            k.body(i) < k.body(i - 1) + near1.average(i)) ||
           k.body(i) < k.body(i - 1) - far1.average(i) ||
           (k.body(i) < k.body(i - 1) && k.body(i - 1) < k.body(i - 2) &&
            (k.upperShadow(i) > shadowShort0.average(i) ||
             k.upperShadow(i - 1) > shadowShort1.average(i))) ||
           (k.body(i) < k.body(i - 1) && k.upperShadow(i) > shadowLong0.average(i)));
      putAll(out, i, b0, nb, hit ? -100.0 : 0.0);
      rollAll(i, shadowShort2, shadowShort1, shadowShort0, shadowLong1, shadowLong0, far2, near2, far1, near1, bodyLong);
    }
  });
}

}  // namespace tagrid::pattern::advance_block
