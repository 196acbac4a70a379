// pattern.hammer; mirrors native/pattern/hammer.h.
import { Call } from "../abi";
import { averageOf, body, BODY_SHORT, bodyBottom, follow, high, low, lowerShadow, NEAR, period, putAll, rollAll, SHADOW_LONG, SHADOW_VERY_SHORT, startRun, upperShadow } from "./common";

const LOOKBACK = max(max(max(period(BODY_SHORT), period(SHADOW_LONG)), period(SHADOW_VERY_SHORT)), period(NEAR)) + 1;

export function scratch(T: i32): f64 { return 0.0; }

// The hammer, or with `hanging` the hanging man (body near or above the previous high, -100).
export function hammerSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, hanging: bool): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  const bodyShort = follow(0, BODY_SHORT, first);
  const shadowLong = follow(1, SHADOW_LONG, first);
  const shortShadow = follow(2, SHADOW_VERY_SHORT, first);
  const near = follow(3, NEAR, first, 1);
  for (let i = first; i < e; ++i) {
    const placed = hanging ? bodyBottom(i) >= high(i - 1) - averageOf(near, i)
                           : bodyBottom(i) <= low(i - 1) + averageOf(near, i);
    const hit = body(i) < averageOf(bodyShort, i) &&
                lowerShadow(i) > averageOf(shadowLong, i) &&
                upperShadow(i) < averageOf(shortShadow, i) && placed;
    putAll<O>(c, i, b0, nb, hit ? (hanging ? -100.0 : 100.0) : 0.0);
    rollAll(4, i);
  }
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void { hammerSegment<O>(c, b0, nb, s, e, false); }
