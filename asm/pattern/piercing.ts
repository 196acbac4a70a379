// pattern.piercing; mirrors native/pattern/piercing.h.
import { Call } from "../abi";
import { averageOf, body, BODY_LONG, close, color, follow, low, open, period, putAll, rollAll, startRun } from "./common";

const LOOKBACK = period(BODY_LONG) + 1;

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  // bodyLongD: the total judging bar i - D
  const bodyLong1 = follow(0, BODY_LONG, first, 1);
  const bodyLong0 = follow(1, BODY_LONG, first);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 1) == -1 && body(i - 1) > averageOf(bodyLong1, i) &&
                color(i) == 1 && body(i) > averageOf(bodyLong0, i) &&
                open(i) < low(i - 1) && close(i) < open(i - 1) &&
                close(i) > close(i - 1) + body(i - 1) * 0.5;
    putAll<O>(c, i, b0, nb, hit ? 100.0 : 0.0);
    rollAll(2, i);
  }
}
