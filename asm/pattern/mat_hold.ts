// pattern.mat_hold; mirrors native/pattern/mat_hold.h.
import { Call, param, put } from "../abi";
import { average, body, BODY_LONG, BODY_SHORT, bodyBottom, bodyGapUp, bodyTop, close, color, high, keepTotal, open, period, prepareState, roll, startRun, trailing } from "./common";

const LOOKBACK = max(period(BODY_SHORT), period(BODY_LONG)) + 4;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  // bodyLong4, bodyShortD: the totals judging bar i - D
  let bodyLong4 = trailing(BODY_LONG, first, 4);
  let bodyShort3 = trailing(BODY_SHORT, first, 3);
  let bodyShort2 = trailing(BODY_SHORT, first, 2);
  let bodyShort1 = trailing(BODY_SHORT, first, 1);
  for (let i = first; i < e; ++i) {
    const shape = body(i - 4) > average(BODY_LONG, bodyLong4, i - 4) &&
                  body(i - 3) < average(BODY_SHORT, bodyShort3, i - 3) &&
                  body(i - 2) < average(BODY_SHORT, bodyShort2, i - 2) &&
                  body(i - 1) < average(BODY_SHORT, bodyShort1, i - 1) &&
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
    bodyLong4 = roll(BODY_LONG, bodyLong4, i - 4);
    bodyShort3 = roll(BODY_SHORT, bodyShort3, i - 3);
    bodyShort2 = roll(BODY_SHORT, bodyShort2, i - 2);
    bodyShort1 = roll(BODY_SHORT, bodyShort1, i - 1);
  }
  keepTotal(BODY_LONG, 4, bodyLong4);
  keepTotal(BODY_SHORT, 3, bodyShort3);
  keepTotal(BODY_SHORT, 2, bodyShort2);
  keepTotal(BODY_SHORT, 1, bodyShort1);
}
