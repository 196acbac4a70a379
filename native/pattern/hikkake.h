// pattern.hikkake: TA-Lib CDLHIKKAKE. An inside bar (lower high, higher low)
// followed by a bar breaking out of it with a lower high and low (+100,
// bullish) or a higher high and low (-100, bearish); a close above the inside
// bar's high (bullish) or below its low (bearish) within the next three bars
// confirms it: +200 / -200 on the confirming bar. The state comes from the
// three bars before the first output, as in TA-Lib.
#pragma once
#include "common.h"

namespace tagrid::pattern::hikkake {

constexpr int64_t kLookback = 5;

inline int64_t scratch(int64_t) { return 0; }

// TA-Lib's patternIdx / patternResult. `origin` is the run's first bar, the
// index 0 TA-Lib resets patternIdx to. Kernel state: locals 0 and 1 (the
// pattern bar counted from the run's first bar, the result).
struct Confirmation {
  const Start& first;
  int64_t origin, idx;
  int result;
  explicit Confirmation(const Start& start)
      : first(start), origin(start.origin), idx(origin + static_cast<int64_t>(start.local(0, 0.0))),
        result(static_cast<int>(start.local(1, 0.0))) {}
  Confirmation(const Confirmation&) = delete;
  ~Confirmation() {
    first.keep(0, static_cast<double>(idx - origin));
    first.keep(1, result);
  }

  // The value at bar i, where `pattern` is +1 / -1 for a bullish / bearish
  // pattern bar and 0 otherwise.
  double step(const Candles& k, int64_t i, int pattern) {
    if (pattern != 0) {
      result = 100 * pattern;
      idx = i;
      return result;
    }
    if (i <= idx + 3 && ((result > 0 && k.close(i) > k.high(idx - 1)) || (result < 0 && k.close(i) < k.low(idx - 1)))) {
      idx = origin;
      return result + 100 * (result > 0 ? 1 : -1);
    }
    return 0.0;
  }
};

// +1 / -1 when bar i breaks down / up out of the inside bar i - 1, else 0.
inline int patternAt(const Candles& k, int64_t i) {
  const bool hit = k.high(i - 1) < k.high(i - 2) && k.low(i - 1) > k.low(i - 2) &&
                   ((k.high(i) < k.high(i - 1) && k.low(i) < k.low(i - 1)) ||
                    (k.high(i) > k.high(i - 1) && k.low(i) > k.low(i - 1)));
  return hit ? (k.high(i) < k.high(i - 1) ? 1 : -1) : 0;
}

template <typename Out>
int32_t run(const KernelCall& c, const OutView<Out>& out) {
  const Candles k(c);
  return forEachRun(c, out, kLookback, [&](int64_t b0, int nb, const Start& first, int64_t e) {
    Confirmation state(first);
    if (!first.resumed())
      for (int64_t i = first - 3; i < first; ++i) state.step(k, i, patternAt(k, i));
    for (int64_t i = first; i < e; ++i) putAll(out, i, b0, nb, state.step(k, i, patternAt(k, i)));
  });
}

}  // namespace tagrid::pattern::hikkake
