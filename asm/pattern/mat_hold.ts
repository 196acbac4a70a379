// pattern.mat_hold; mirrors native/pattern/mat_hold.h.
import { Call, param, put } from "../abi";
import { averageOf, body, BODY_LONG, BODY_SHORT, bodyBottom, bodyGapUp, bodyTop, close, color, follow, high, open, period, rollAll, startRun } from "./common";

const LOOKBACK = max(period(BODY_SHORT), period(BODY_LONG)) + 4;

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  // bodyLong4, bodyShortD: the totals judging bar i - D
  const bodyLong4 = follow(0, BODY_LONG, first, 4);
  const bodyShort3 = follow(1, BODY_SHORT, first, 3);
  const bodyShort2 = follow(2, BODY_SHORT, first, 2);
  const bodyShort1 = follow(3, BODY_SHORT, first, 1);
  for (let i = first; i < e; ++i) {
    const shape = body(i - 4) > averageOf(bodyLong4, i) &&
                  body(i - 3) < averageOf(bodyShort3, i) &&
                  body(i - 2) < averageOf(bodyShort2, i) &&
                  body(i - 1) < averageOf(bodyShort1, i) &&
                  color(i - 4) == 1 && color(i - 3) == -1 && color(i) == 1 &&
                  bodyGapUp(i - 3, i - 4) &&
                  bodyBottom(i - 2) < close(i - 4) && bodyBottom(i - 1) < close(i - 4) &&
                  bodyTop(i - 2) < open(i - 3) && bodyTop(i - 1) < bodyTop(i - 2) &&
                  open(i) > close(i - 1) &&
                  close(i) > max(max(high(i - 3), high(i - 2)), high(i - 1));
    for (let j = 0; j < nb; ++j) {
      const deepest = close(i - 4) - body(i - 4) * param(c, 0, b0 + j);
      const hit = shape && bodyBottom(i - 2) > deepest && bodyBottom(i - 1) > deepest;
      put<O>(c, 0, i, b0 + j, hit ? 100.0 : 0.0);
    }
    rollAll(4, i);
  }
}
