// pattern.belt_hold; mirrors native/pattern/belt_hold.h.
import { Call } from "../abi";
import { averageOf, body, BODY_LONG, color, follow, lowerShadow, period, putAll, rollAll, SHADOW_VERY_SHORT, startRun, upperShadow } from "./common";

const LOOKBACK = max(period(BODY_LONG), period(SHADOW_VERY_SHORT));

export function scratch(T: i32): f64 { return 0.0; }

// Belt hold, or with `closing` the closing marubozu (no shadow on the closing side).
export function sideSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, closing: bool): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  const bodyLong = follow(0, BODY_LONG, first);
  const shortShadow = follow(1, SHADOW_VERY_SHORT, first);
  for (let i = first; i < e; ++i) {
    const shadow = (color(i) == 1) != closing ? lowerShadow(i) : upperShadow(i);
    const hit = body(i) > averageOf(bodyLong, i) && shadow < averageOf(shortShadow, i);
    putAll<O>(c, i, b0, nb, hit ? color(i) * 100.0 : 0.0);
    rollAll(2, i);
  }
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void { sideSegment<O>(c, b0, nb, s, e, false); }
