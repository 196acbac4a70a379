// pattern.inverted_hammer; mirrors native/pattern/inverted_hammer.h.
import { Call } from "../abi";
import { average, body, BODY_SHORT, bodyGapDown, bodyGapUp, keepTotal, lowerShadow, period, prepareState, putAll, roll, SHADOW_LONG, SHADOW_VERY_SHORT, startRun, trailing, upperShadow } from "./common";

const LOOKBACK = max(max(period(BODY_SHORT), period(SHADOW_LONG)), period(SHADOW_VERY_SHORT)) + 1;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

// The scan shared with pattern.shooting_star, the same candle gapping up
// (gapsUp) instead of down; a hit is worth `signal`.
export function scan<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, gapsUp: bool, signal: f64): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let bodyShort = trailing(BODY_SHORT, first, 0);
  let shortShadow = trailing(SHADOW_VERY_SHORT, first, 0);
  for (let i = first; i < e; ++i) {
    // ShadowLong has period 0: its average is the bar's own body, its total unused.
    const hit = body(i) < average(BODY_SHORT, bodyShort, i) &&
                upperShadow(i) > average(SHADOW_LONG, 0.0, i) &&
                lowerShadow(i) < average(SHADOW_VERY_SHORT, shortShadow, i) &&
                (gapsUp ? bodyGapUp(i, i - 1) : bodyGapDown(i, i - 1));
    putAll<O>(c, i, b0, nb, hit ? signal : 0.0);
    bodyShort = roll(BODY_SHORT, bodyShort, i);
    shortShadow = roll(SHADOW_VERY_SHORT, shortShadow, i);
  }
  keepTotal(BODY_SHORT, 0, bodyShort);
  keepTotal(SHADOW_VERY_SHORT, 0, shortShadow);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  scan<O>(c, b0, nb, s, e, false, 100.0);
}
