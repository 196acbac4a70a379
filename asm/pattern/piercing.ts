// pattern.piercing; mirrors native/pattern/piercing.h.
import { Call } from "../abi";
import { average, body, BODY_LONG, close, color, keepTotal, low, open, period, prepareState, putAll, roll, startRun, trailing } from "./common";

const LOOKBACK = period(BODY_LONG) + 1;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  // bodyLongD: the total judging bar i - D
  let bodyLong1 = trailing(BODY_LONG, first, 1);
  let bodyLong0 = trailing(BODY_LONG, first, 0);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 1) == -1 && body(i - 1) > average(BODY_LONG, bodyLong1, i - 1) &&
                color(i) == 1 && body(i) > average(BODY_LONG, bodyLong0, i) &&
                open(i) < low(i - 1) && close(i) < open(i - 1) &&
                close(i) > close(i - 1) + body(i - 1) * 0.5;
    putAll<O>(c, i, b0, nb, hit ? 100.0 : 0.0);
    bodyLong1 = roll(BODY_LONG, bodyLong1, i - 1);
    bodyLong0 = roll(BODY_LONG, bodyLong0, i);
  }
  keepTotal(BODY_LONG, 1, bodyLong1);
  keepTotal(BODY_LONG, 0, bodyLong0);
}
