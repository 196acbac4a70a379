// pattern.evening_star; mirrors native/pattern/evening_star.h.
import { Call, param, put } from "../abi";
import { average, body, BODY_LONG, BODY_SHORT, bodyGapUp, close, color, keepTotal, period, prepareState, roll, startRun, trailing } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

// The evening star, whose middle candle is judged by setting `middle`:
// BODY_SHORT here, BODY_DOJI for the evening doji star.
export function starSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, middle: i32): void {
  const lookback = max(max(period(middle), period(BODY_LONG)), period(BODY_SHORT)) + 2;
  const first = startRun<O>(c, b0, nb, s, e, lookback);
  if (first == e) return;
  // Bar by bar over the block (output tiles move forward only, asm/abi.ts);
  // the totals do not depend on the penetration.
  let bodyLong = trailing(BODY_LONG, first, 2);
  let middleTotal = trailing(middle, first, 1);
  let bodyShort = trailing(BODY_SHORT, first, 0);
  for (let i = first; i < e; ++i) {
    const shape = body(i - 2) > average(BODY_LONG, bodyLong, i - 2) && color(i - 2) == 1 &&
                  body(i - 1) <= average(middle, middleTotal, i - 1) && bodyGapUp(i - 1, i - 2) &&
                  body(i) > average(BODY_SHORT, bodyShort, i) && color(i) == -1;
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const hit = shape && close(i) < close(i - 2) - body(i - 2) * param(c, 0, v);
      put<O>(c, 0, i, v, hit ? -100.0 : 0.0);
    }
    bodyLong = roll(BODY_LONG, bodyLong, i - 2);
    middleTotal = roll(middle, middleTotal, i - 1);
    bodyShort = roll(BODY_SHORT, bodyShort, i);
  }
  keepTotal(BODY_LONG, 2, bodyLong);
  keepTotal(middle, 1, middleTotal);
  keepTotal(BODY_SHORT, 0, bodyShort);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void { starSegment<O>(c, b0, nb, s, e, BODY_SHORT); }
