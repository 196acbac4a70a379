// pattern.stalled_pattern; mirrors native/pattern/stalled_pattern.h.
import { Call } from "../abi";
import { average, body, BODY_LONG, BODY_SHORT, close, color, keepTotal, NEAR, open, period, prepareState, putAll, roll, SHADOW_VERY_SHORT, startRun, trailing, upperShadow } from "./common";

const LOOKBACK = max(max(period(BODY_LONG), period(BODY_SHORT)), max(period(SHADOW_VERY_SHORT), period(NEAR))) + 2;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  // bodyLongD, nearD: the totals judging bar i - D
  let bodyLong2 = trailing(BODY_LONG, first, 2), bodyLong1 = trailing(BODY_LONG, first, 1);
  let bodyShort = trailing(BODY_SHORT, first, 0);
  let shortShadow = trailing(SHADOW_VERY_SHORT, first, 1);
  let near2 = trailing(NEAR, first, 2), near1 = trailing(NEAR, first, 1);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 2) == 1 && color(i - 1) == 1 && color(i) == 1 &&
                close(i) > close(i - 1) && close(i - 1) > close(i - 2) &&
                body(i - 2) > average(BODY_LONG, bodyLong2, i - 2) &&
                body(i - 1) > average(BODY_LONG, bodyLong1, i - 1) &&
                upperShadow(i - 1) < average(SHADOW_VERY_SHORT, shortShadow, i - 1) &&
                open(i - 1) > open(i - 2) && open(i - 1) <= close(i - 2) + average(NEAR, near2, i - 2) &&
                body(i) < average(BODY_SHORT, bodyShort, i) &&
                open(i) >= close(i - 1) - body(i) - average(NEAR, near1, i - 1);
    putAll<O>(c, i, b0, nb, hit ? -100.0 : 0.0);
    bodyLong2 = roll(BODY_LONG, bodyLong2, i - 2);
    near2 = roll(NEAR, near2, i - 2);
    bodyLong1 = roll(BODY_LONG, bodyLong1, i - 1);
    near1 = roll(NEAR, near1, i - 1);
    bodyShort = roll(BODY_SHORT, bodyShort, i);
    shortShadow = roll(SHADOW_VERY_SHORT, shortShadow, i - 1);
  }
  keepTotal(BODY_LONG, 2, bodyLong2);
  keepTotal(BODY_LONG, 1, bodyLong1);
  keepTotal(BODY_SHORT, 0, bodyShort);
  keepTotal(SHADOW_VERY_SHORT, 1, shortShadow);
  keepTotal(NEAR, 2, near2);
  keepTotal(NEAR, 1, near1);
}
