// pattern.breakaway; mirrors native/pattern/breakaway.h.
import { Call } from "../abi";
import { average, body, BODY_LONG, bodyGapDown, bodyGapUp, close, color, high, keepTotal, low, open, period, prepareState, putAll, roll, startRun, trailing } from "./common";

const LOOKBACK = period(BODY_LONG) + 4;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let bodyLong = trailing(BODY_LONG, first, 4);
  for (let i = first; i < e; ++i) {
    const hit = body(i - 4) > average(BODY_LONG, bodyLong, i - 4) &&
                color(i - 4) == color(i - 3) && color(i - 3) == color(i - 1) && color(i - 1) == -color(i) &&
                ((color(i - 4) == -1 && bodyGapDown(i - 3, i - 4) &&
                  high(i - 2) < high(i - 3) && low(i - 2) < low(i - 3) &&
                  high(i - 1) < high(i - 2) && low(i - 1) < low(i - 2) &&
                  close(i) > open(i - 3) && close(i) < close(i - 4)) ||
                 (color(i - 4) == 1 && bodyGapUp(i - 3, i - 4) &&
                  high(i - 2) > high(i - 3) && low(i - 2) > low(i - 3) &&
                  high(i - 1) > high(i - 2) && low(i - 1) > low(i - 2) &&
                  close(i) < open(i - 3) && close(i) > close(i - 4)));
    putAll<O>(c, i, b0, nb, hit ? color(i) * 100.0 : 0.0);
    bodyLong = roll(BODY_LONG, bodyLong, i - 4);
  }
  keepTotal(BODY_LONG, 4, bodyLong);
}
