// pattern.belt_hold; mirrors native/pattern/belt_hold.h.
import { Call } from "../abi";
import { average, body, BODY_LONG, color, keepTotal, lowerShadow, period, prepareState, putAll, roll, SHADOW_VERY_SHORT, startRun, trailing, upperShadow } from "./common";

const LOOKBACK = max(period(BODY_LONG), period(SHADOW_VERY_SHORT));

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

// Belt hold, or with `closing` the closing marubozu (no shadow on the closing side).
export function sideSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, closing: bool): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let bodyLong = trailing(BODY_LONG, first, 0);
  let shortShadow = trailing(SHADOW_VERY_SHORT, first, 0);
  for (let i = first; i < e; ++i) {
    const shadow = (color(i) == 1) != closing ? lowerShadow(i) : upperShadow(i);
    const hit = body(i) > average(BODY_LONG, bodyLong, i) && shadow < average(SHADOW_VERY_SHORT, shortShadow, i);
    putAll<O>(c, i, b0, nb, hit ? color(i) * 100.0 : 0.0);
    bodyLong = roll(BODY_LONG, bodyLong, i);
    shortShadow = roll(SHADOW_VERY_SHORT, shortShadow, i);
  }
  keepTotal(BODY_LONG, 0, bodyLong);
  keepTotal(SHADOW_VERY_SHORT, 0, shortShadow);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void { sideSegment<O>(c, b0, nb, s, e, false); }
