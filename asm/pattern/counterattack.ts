// pattern.counterattack; mirrors native/pattern/counterattack.h.
import { Call } from "../abi";
import { average, body, BODY_LONG, close, color, EQUAL, keepTotal, period, prepareState, putAll, roll, startRun, trailing } from "./common";

const LOOKBACK = max(period(EQUAL), period(BODY_LONG)) + 1;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let equal = trailing(EQUAL, first, 1);
  let bodyLong1 = trailing(BODY_LONG, first, 1);
  let bodyLong0 = trailing(BODY_LONG, first, 0);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 1) == -color(i) &&
                body(i - 1) > average(BODY_LONG, bodyLong1, i - 1) &&
                body(i) > average(BODY_LONG, bodyLong0, i) &&
                close(i) <= close(i - 1) + average(EQUAL, equal, i - 1) &&
                close(i) >= close(i - 1) - average(EQUAL, equal, i - 1);
    putAll<O>(c, i, b0, nb, hit ? color(i) * 100.0 : 0.0);
    equal = roll(EQUAL, equal, i - 1);
    bodyLong1 = roll(BODY_LONG, bodyLong1, i - 1);
    bodyLong0 = roll(BODY_LONG, bodyLong0, i);
  }
  keepTotal(EQUAL, 1, equal);
  keepTotal(BODY_LONG, 1, bodyLong1);
  keepTotal(BODY_LONG, 0, bodyLong0);
}
