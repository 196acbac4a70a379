// pattern.morning_star; mirrors native/pattern/morning_star.h.
import { Call, param, put } from "../abi";
import { average, body, BODY_LONG, BODY_SHORT, bodyGapDown, close, color, keepTotal, period, prepareState, roll, startRun, trailing } from "./common";

const LOOKBACK = max(period(BODY_SHORT), period(BODY_LONG)) + 2;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

// The star scan, shared with pattern.morning_doji_star: the middle candle's
// body is at most setting `star`'s average.
export function scan<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, lookback: i32, star: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, lookback);
  if (first == e) return;
  let bodyLong = trailing(BODY_LONG, first, 2);
  let starTotal = trailing(star, first, 1);
  let bodyShort = trailing(BODY_SHORT, first, 0);
  for (let i = first; i < e; ++i) {
    const shape = body(i - 2) > average(BODY_LONG, bodyLong, i - 2) && color(i - 2) == -1 &&
                  body(i - 1) <= average(star, starTotal, i - 1) && bodyGapDown(i - 1, i - 2) &&
                  body(i) > average(BODY_SHORT, bodyShort, i) && color(i) == 1;
    for (let j = 0; j < nb; ++j) {
      const hit = shape && close(i) > close(i - 2) + body(i - 2) * param(c, 0, b0 + j);
      put<O>(c, 0, i, b0 + j, hit ? 100.0 : 0.0);
    }
    bodyLong = roll(BODY_LONG, bodyLong, i - 2);
    starTotal = roll(star, starTotal, i - 1);
    bodyShort = roll(BODY_SHORT, bodyShort, i);
  }
  keepTotal(BODY_LONG, 2, bodyLong);
  keepTotal(star, 1, starTotal);
  keepTotal(BODY_SHORT, 0, bodyShort);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  scan<O>(c, b0, nb, s, e, LOOKBACK, BODY_SHORT);
}
