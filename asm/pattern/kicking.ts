// pattern.kicking; mirrors native/pattern/kicking.h.
import { Call } from "../abi";
import { averageOf, body, BODY_LONG, color, follow, gapDown, gapUp, lowerShadow, period, putAll, rollAll, SHADOW_VERY_SHORT, startRun, upperShadow } from "./common";

export const LOOKBACK = max(period(SHADOW_VERY_SHORT), period(BODY_LONG)) + 1;

export function scratch(T: i32): f64 { return 0.0; }

// Whether bar j (i - the totals' lag) is a marubozu.
function marubozu(i: i32, j: i32, bodyLong: i32, shortShadow: i32): bool {
  const shadow = averageOf(shortShadow, i);
  return body(j) > averageOf(bodyLong, i) && upperShadow(j) < shadow && lowerShadow(j) < shadow;
}

// The kicking scan, shared with pattern.kicking_by_length: a kick ending at
// bar i is worth the colour of bar i, or with byLength of the longer body.
export function scan<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, byLength: bool): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  // bodyLongD, shortShadowD: the totals judging bar i - D
  const bodyLong1 = follow(0, BODY_LONG, first, 1), bodyLong0 = follow(1, BODY_LONG, first);
  const shortShadow1 = follow(2, SHADOW_VERY_SHORT, first, 1), shortShadow0 = follow(3, SHADOW_VERY_SHORT, first);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 1) == -color(i) &&
                marubozu(i, i - 1, bodyLong1, shortShadow1) && marubozu(i, i, bodyLong0, shortShadow0) &&
                ((color(i - 1) == -1 && gapUp(i, i - 1)) || (color(i - 1) == 1 && gapDown(i, i - 1)));
    const signal = byLength ? color(body(i) > body(i - 1) ? i : i - 1) : color(i);
    putAll<O>(c, i, b0, nb, hit ? <f64>(signal * 100) : 0.0);
    rollAll(4, i);
  }
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  scan<O>(c, b0, nb, s, e, false);
}
