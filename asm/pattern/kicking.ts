// pattern.kicking; mirrors native/pattern/kicking.h.
import { Call } from "../abi";
import { average, body, BODY_LONG, color, gapDown, gapUp, keepTotal, lowerShadow, period, prepareState, putAll, roll, SHADOW_VERY_SHORT, startRun, trailing, upperShadow } from "./common";

export const LOOKBACK = max(period(SHADOW_VERY_SHORT), period(BODY_LONG)) + 1;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

function marubozu(j: i32, bodyLong: f64, shortShadow: f64): bool {
  const shadow = average(SHADOW_VERY_SHORT, shortShadow, j);
  return body(j) > average(BODY_LONG, bodyLong, j) && upperShadow(j) < shadow && lowerShadow(j) < shadow;
}

// The kicking scan, shared with pattern.kicking_by_length: a kick ending at
// bar i is worth the colour of bar i, or with byLength of the longer body.
export function scan<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, byLength: bool): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  // bodyLongD, shortShadowD: the totals judging bar i - D
  let bodyLong1 = trailing(BODY_LONG, first, 1), bodyLong0 = trailing(BODY_LONG, first, 0);
  let shortShadow1 = trailing(SHADOW_VERY_SHORT, first, 1), shortShadow0 = trailing(SHADOW_VERY_SHORT, first, 0);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 1) == -color(i) &&
                marubozu(i - 1, bodyLong1, shortShadow1) && marubozu(i, bodyLong0, shortShadow0) &&
                ((color(i - 1) == -1 && gapUp(i, i - 1)) || (color(i - 1) == 1 && gapDown(i, i - 1)));
    const signal = byLength ? color(body(i) > body(i - 1) ? i : i - 1) : color(i);
    putAll<O>(c, i, b0, nb, hit ? <f64>(signal * 100) : 0.0);
    bodyLong1 = roll(BODY_LONG, bodyLong1, i - 1);
    shortShadow1 = roll(SHADOW_VERY_SHORT, shortShadow1, i - 1);
    bodyLong0 = roll(BODY_LONG, bodyLong0, i);
    shortShadow0 = roll(SHADOW_VERY_SHORT, shortShadow0, i);
  }
  keepTotal(BODY_LONG, 1, bodyLong1);
  keepTotal(BODY_LONG, 0, bodyLong0);
  keepTotal(SHADOW_VERY_SHORT, 1, shortShadow1);
  keepTotal(SHADOW_VERY_SHORT, 0, shortShadow0);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  scan<O>(c, b0, nb, s, e, false);
}
