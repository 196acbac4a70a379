// pattern.homing_pigeon; mirrors native/pattern/homing_pigeon.h.
import { Call } from "../abi";
import { average, body, BODY_LONG, BODY_SHORT, close, color, keepTotal, open, period, prepareState, putAll, roll, startRun, trailing } from "./common";

const LOOKBACK = max(period(BODY_SHORT), period(BODY_LONG)) + 1;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let bodyLong = trailing(BODY_LONG, first, 1);
  let bodyShort = trailing(BODY_SHORT, first, 0);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 1) == -1 && color(i) == -1 &&
                body(i - 1) > average(BODY_LONG, bodyLong, i - 1) &&
                body(i) <= average(BODY_SHORT, bodyShort, i) &&
                open(i) < open(i - 1) && close(i) > close(i - 1);
    putAll<O>(c, i, b0, nb, hit ? 100.0 : 0.0);
    bodyLong = roll(BODY_LONG, bodyLong, i - 1);
    bodyShort = roll(BODY_SHORT, bodyShort, i);
  }
  keepTotal(BODY_LONG, 1, bodyLong);
  keepTotal(BODY_SHORT, 0, bodyShort);
}
