// pattern.homing_pigeon; mirrors native/pattern/homing_pigeon.h.
import { Call } from "../abi";
import { averageOf, body, BODY_LONG, BODY_SHORT, close, color, follow, open, period, putAll, rollAll, startRun } from "./common";

const LOOKBACK = max(period(BODY_SHORT), period(BODY_LONG)) + 1;

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  const bodyLong = follow(0, BODY_LONG, first, 1);
  const bodyShort = follow(1, BODY_SHORT, first);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 1) == -1 && color(i) == -1 &&
                body(i - 1) > averageOf(bodyLong, i) &&
                body(i) <= averageOf(bodyShort, i) &&
                open(i) < open(i - 1) && close(i) > close(i - 1);
    putAll<O>(c, i, b0, nb, hit ? 100.0 : 0.0);
    rollAll(2, i);
  }
}
