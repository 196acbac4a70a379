// pattern.morning_star; mirrors native/pattern/morning_star.h.
import { Call, param, put } from "../abi";
import { averageOf, body, BODY_LONG, BODY_SHORT, bodyGapDown, close, color, follow, period, rollAll, startRun } from "./common";

const LOOKBACK = max(period(BODY_SHORT), period(BODY_LONG)) + 2;

export function scratch(T: i32): f64 { return 0.0; }

// The star scan, shared with pattern.morning_doji_star: the middle candle's
// body is at most setting `star`'s average.
export function scan<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, lookback: i32, star: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, lookback);
  if (first == e) return;
  const bodyLong = follow(0, BODY_LONG, first, 2);
  const starTotal = follow(1, star, first, 1);
  const bodyShort = follow(2, BODY_SHORT, first);
  for (let i = first; i < e; ++i) {
    const shape = body(i - 2) > averageOf(bodyLong, i) && color(i - 2) == -1 &&
                  body(i - 1) <= averageOf(starTotal, i) && bodyGapDown(i - 1, i - 2) &&
                  body(i) > averageOf(bodyShort, i) && color(i) == 1;
    for (let j = 0; j < nb; ++j) {
      const hit = shape && close(i) > close(i - 2) + body(i - 2) * param(c, 0, b0 + j);
      put<O>(c, 0, i, b0 + j, hit ? 100.0 : 0.0);
    }
    rollAll(3, i);
  }
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  scan<O>(c, b0, nb, s, e, LOOKBACK, BODY_SHORT);
}
