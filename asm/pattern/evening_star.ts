// pattern.evening_star; mirrors native/pattern/evening_star.h.
import { Call, param, put } from "../abi";
import { averageOf, body, BODY_LONG, BODY_SHORT, bodyGapUp, close, color, follow, period, rollAll, startRun } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

// The evening star, whose middle candle is judged by setting `middle`:
// BODY_SHORT here, BODY_DOJI for the evening doji star.
export function starSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, middle: i32): void {
  const lookback = max(max(period(middle), period(BODY_LONG)), period(BODY_SHORT)) + 2;
  const first = startRun<O>(c, b0, nb, s, e, lookback);
  if (first == e) return;
  // Bar by bar over the block (output tiles move forward only, asm/abi.ts);
  // the totals do not depend on the penetration.
  const bodyLong = follow(0, BODY_LONG, first, 2);
  const middleTotal = follow(1, middle, first, 1);
  const bodyShort = follow(2, BODY_SHORT, first);
  for (let i = first; i < e; ++i) {
    const shape = body(i - 2) > averageOf(bodyLong, i) && color(i - 2) == 1 &&
                  body(i - 1) <= averageOf(middleTotal, i) && bodyGapUp(i - 1, i - 2) &&
                  body(i) > averageOf(bodyShort, i) && color(i) == -1;
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const hit = shape && close(i) < close(i - 2) - body(i - 2) * param(c, 0, v);
      put<O>(c, 0, i, v, hit ? -100.0 : 0.0);
    }
    rollAll(3, i);
  }
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void { starSegment<O>(c, b0, nb, s, e, BODY_SHORT); }
