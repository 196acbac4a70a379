// pattern.hammer; mirrors native/pattern/hammer.h.
import { Call } from "../abi";
import { average, body, BODY_SHORT, bodyBottom, high, keepTotal, low, lowerShadow, NEAR, period, prepareState, putAll, roll, SHADOW_LONG, SHADOW_VERY_SHORT, startRun, trailing, upperShadow } from "./common";

const LOOKBACK = max(max(max(period(BODY_SHORT), period(SHADOW_LONG)), period(SHADOW_VERY_SHORT)), period(NEAR)) + 1;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

// The hammer, or with `hanging` the hanging man (body near or above the previous high, -100).
export function hammerSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, hanging: bool): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let bodyShort = trailing(BODY_SHORT, first, 0);
  let shadowLong = trailing(SHADOW_LONG, first, 0);
  let shortShadow = trailing(SHADOW_VERY_SHORT, first, 0);
  let near = trailing(NEAR, first, 1);
  for (let i = first; i < e; ++i) {
    const placed = hanging ? bodyBottom(i) >= high(i - 1) - average(NEAR, near, i - 1)
                           : bodyBottom(i) <= low(i - 1) + average(NEAR, near, i - 1);
    const hit = body(i) < average(BODY_SHORT, bodyShort, i) &&
                lowerShadow(i) > average(SHADOW_LONG, shadowLong, i) &&
                upperShadow(i) < average(SHADOW_VERY_SHORT, shortShadow, i) && placed;
    putAll<O>(c, i, b0, nb, hit ? (hanging ? -100.0 : 100.0) : 0.0);
    bodyShort = roll(BODY_SHORT, bodyShort, i);
    shadowLong = roll(SHADOW_LONG, shadowLong, i);
    shortShadow = roll(SHADOW_VERY_SHORT, shortShadow, i);
    near = roll(NEAR, near, i - 1);
  }
  keepTotal(BODY_SHORT, 0, bodyShort);
  keepTotal(SHADOW_LONG, 0, shadowLong);
  keepTotal(SHADOW_VERY_SHORT, 0, shortShadow);
  keepTotal(NEAR, 1, near);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void { hammerSegment<O>(c, b0, nb, s, e, false); }
