// pattern.gap_side_side_white; mirrors native/pattern/gap_side_side_white.h.
import { Call } from "../abi";
import { average, body, bodyGapDown, bodyGapUp, color, EQUAL, keepTotal, NEAR, open, period, prepareState, putAll, roll, startRun, trailing } from "./common";

const LOOKBACK = max(period(NEAR), period(EQUAL)) + 2;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let near = trailing(NEAR, first, 1);
  let equal = trailing(EQUAL, first, 1);
  for (let i = first; i < e; ++i) {
    const hit = ((bodyGapUp(i - 1, i - 2) && bodyGapUp(i, i - 2)) ||
                 (bodyGapDown(i - 1, i - 2) && bodyGapDown(i, i - 2))) &&
                color(i - 1) == 1 && color(i) == 1 &&
                body(i) >= body(i - 1) - average(NEAR, near, i - 1) &&
                body(i) <= body(i - 1) + average(NEAR, near, i - 1) &&
                open(i) >= open(i - 1) - average(EQUAL, equal, i - 1) &&
                open(i) <= open(i - 1) + average(EQUAL, equal, i - 1);
    putAll<O>(c, i, b0, nb, hit ? (bodyGapUp(i - 1, i - 2) ? 100.0 : -100.0) : 0.0);
    near = roll(NEAR, near, i - 1);
    equal = roll(EQUAL, equal, i - 1);
  }
  keepTotal(NEAR, 1, near);
  keepTotal(EQUAL, 1, equal);
}
