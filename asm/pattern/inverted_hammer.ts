// pattern.inverted_hammer; mirrors native/pattern/inverted_hammer.h.
import { Call } from "../abi";
import { average, averageOf, body, BODY_SHORT, bodyGapDown, bodyGapUp, follow, lowerShadow, period, putAll, rollAll, SHADOW_LONG, SHADOW_VERY_SHORT, startRun, upperShadow } from "./common";

const LOOKBACK = max(max(period(BODY_SHORT), period(SHADOW_LONG)), period(SHADOW_VERY_SHORT)) + 1;

export function scratch(T: i32): f64 { return 0.0; }

// The scan shared with pattern.shooting_star, the same candle gapping up
// (gapsUp) instead of down; a hit is worth `signal`.
export function scan<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, gapsUp: bool, signal: f64): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  const bodyShort = follow(0, BODY_SHORT, first);
  const shortShadow = follow(1, SHADOW_VERY_SHORT, first);
  for (let i = first; i < e; ++i) {
    // ShadowLong has period 0: its average is the bar's own body, its total unused.
    const hit = body(i) < averageOf(bodyShort, i) &&
                upperShadow(i) > average(SHADOW_LONG, 0.0, i) &&
                lowerShadow(i) < averageOf(shortShadow, i) &&
                (gapsUp ? bodyGapUp(i, i - 1) : bodyGapDown(i, i - 1));
    putAll<O>(c, i, b0, nb, hit ? signal : 0.0);
    rollAll(2, i);
  }
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  scan<O>(c, b0, nb, s, e, false, 100.0);
}
