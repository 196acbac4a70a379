// pattern.two_crows; mirrors native/pattern/two_crows.h.
import { Call } from "../abi";
import { average, body, BODY_LONG, bodyGapUp, close, color, keepTotal, open, period, prepareState, putAll, roll, startRun, trailing } from "./common";

const LOOKBACK = period(BODY_LONG) + 2;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let bodyLong = trailing(BODY_LONG, first, 2);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 2) == 1 && body(i - 2) > average(BODY_LONG, bodyLong, i - 2) &&
                color(i - 1) == -1 && bodyGapUp(i - 1, i - 2) &&
                color(i) == -1 && open(i) < open(i - 1) && open(i) > close(i - 1) &&
                close(i) > open(i - 2) && close(i) < close(i - 2);
    putAll<O>(c, i, b0, nb, hit ? -100.0 : 0.0);
    bodyLong = roll(BODY_LONG, bodyLong, i - 2);
  }
  keepTotal(BODY_LONG, 2, bodyLong);
}
