// pattern.upside_gap_two_crows; mirrors native/pattern/upside_gap_two_crows.h.
import { Call } from "../abi";
import { average, body, BODY_LONG, BODY_SHORT, bodyGapUp, close, color, keepTotal, open, period, prepareState, putAll, roll, startRun, trailing } from "./common";

const LOOKBACK = max(period(BODY_SHORT), period(BODY_LONG)) + 2;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let bodyLong = trailing(BODY_LONG, first, 2);
  let bodyShort = trailing(BODY_SHORT, first, 1);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 2) == 1 && body(i - 2) > average(BODY_LONG, bodyLong, i - 2) &&
                color(i - 1) == -1 && body(i - 1) <= average(BODY_SHORT, bodyShort, i - 1) &&
                bodyGapUp(i - 1, i - 2) &&
                color(i) == -1 && open(i) > open(i - 1) && close(i) < close(i - 1) &&
                close(i) > close(i - 2);
    putAll<O>(c, i, b0, nb, hit ? -100.0 : 0.0);
    bodyLong = roll(BODY_LONG, bodyLong, i - 2);
    bodyShort = roll(BODY_SHORT, bodyShort, i - 1);
  }
  keepTotal(BODY_LONG, 2, bodyLong);
  keepTotal(BODY_SHORT, 1, bodyShort);
}
