// pattern.counterattack; mirrors native/pattern/counterattack.h.
import { Call } from "../abi";
import { averageOf, body, BODY_LONG, close, color, EQUAL, follow, period, putAll, rollAll, startRun } from "./common";

const LOOKBACK = max(period(EQUAL), period(BODY_LONG)) + 1;

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  const equal = follow(0, EQUAL, first, 1);
  const bodyLong1 = follow(1, BODY_LONG, first, 1);
  const bodyLong0 = follow(2, BODY_LONG, first);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 1) == -color(i) &&
                body(i - 1) > averageOf(bodyLong1, i) &&
                body(i) > averageOf(bodyLong0, i) &&
                close(i) <= close(i - 1) + averageOf(equal, i) &&
                close(i) >= close(i - 1) - averageOf(equal, i);
    putAll<O>(c, i, b0, nb, hit ? color(i) * 100.0 : 0.0);
    rollAll(3, i);
  }
}
