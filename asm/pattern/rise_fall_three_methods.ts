// pattern.rise_fall_three_methods; mirrors native/pattern/rise_fall_three_methods.h.
import { Call } from "../abi";
import { averageOf, body, BODY_LONG, BODY_SHORT, bodyBottom, bodyTop, close, color, follow, high, low, open, period, putAll, rollAll, startRun } from "./common";

const LOOKBACK = max(period(BODY_SHORT), period(BODY_LONG)) + 4;

// Bar j's body overlaps bar p's high-low range.
function withinRange(j: i32, p: i32): bool { return bodyBottom(j) < high(p) && bodyTop(j) > low(p); }

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  // bodyLongD, bodyShortD: the totals judging bar i - D
  const bodyLong4 = follow(0, BODY_LONG, first, 4);
  const bodyShort3 = follow(1, BODY_SHORT, first, 3);
  const bodyShort2 = follow(2, BODY_SHORT, first, 2);
  const bodyShort1 = follow(3, BODY_SHORT, first, 1);
  const bodyLong0 = follow(4, BODY_LONG, first);
  for (let i = first; i < e; ++i) {
    // Prices times the first colour: TA-Lib writes the rising and falling cases as one.
    const dir = <f64>color(i - 4);
    const hit = body(i - 4) > averageOf(bodyLong4, i) &&
                body(i - 3) < averageOf(bodyShort3, i) &&
                body(i - 2) < averageOf(bodyShort2, i) &&
                body(i - 1) < averageOf(bodyShort1, i) &&
                body(i) > averageOf(bodyLong0, i) &&
                color(i - 4) == -color(i - 3) && color(i - 3) == color(i - 2) &&
                color(i - 2) == color(i - 1) && color(i - 1) == -color(i) &&
                withinRange(i - 3, i - 4) && withinRange(i - 2, i - 4) && withinRange(i - 1, i - 4) &&
                close(i - 2) * dir < close(i - 3) * dir && close(i - 1) * dir < close(i - 2) * dir &&
                open(i) * dir > close(i - 1) * dir && close(i) * dir > close(i - 4) * dir;
    putAll<O>(c, i, b0, nb, hit ? 100.0 * dir : 0.0);
    rollAll(5, i);
  }
}
