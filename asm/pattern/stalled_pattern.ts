// pattern.stalled_pattern; mirrors native/pattern/stalled_pattern.h.
import { Call } from "../abi";
import { averageOf, body, BODY_LONG, BODY_SHORT, close, color, follow, NEAR, open, period, putAll, rollAll, SHADOW_VERY_SHORT, startRun, upperShadow } from "./common";

const LOOKBACK = max(max(period(BODY_LONG), period(BODY_SHORT)), max(period(SHADOW_VERY_SHORT), period(NEAR))) + 2;

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  // bodyLongD, nearD: the totals judging bar i - D
  const bodyLong2 = follow(0, BODY_LONG, first, 2);
  const bodyLong1 = follow(1, BODY_LONG, first, 1);
  const bodyShort = follow(2, BODY_SHORT, first);
  const shortShadow = follow(3, SHADOW_VERY_SHORT, first, 1);
  const near2 = follow(4, NEAR, first, 2);
  const near1 = follow(5, NEAR, first, 1);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 2) == 1 && color(i - 1) == 1 && color(i) == 1 &&
                close(i) > close(i - 1) && close(i - 1) > close(i - 2) &&
                body(i - 2) > averageOf(bodyLong2, i) &&
                body(i - 1) > averageOf(bodyLong1, i) &&
                upperShadow(i - 1) < averageOf(shortShadow, i) &&
                open(i - 1) > open(i - 2) && open(i - 1) <= close(i - 2) + averageOf(near2, i) &&
                body(i) < averageOf(bodyShort, i) &&
                open(i) >= close(i - 1) - body(i) - averageOf(near1, i);
    putAll<O>(c, i, b0, nb, hit ? -100.0 : 0.0);
    rollAll(6, i);
  }
}
