// pattern.three_stars_in_south; mirrors native/pattern/three_stars_in_south.h.
import { Call } from "../abi";
import { average, body, BODY_LONG, BODY_SHORT, close, color, high, keepTotal, low, lowerShadow, open, period, prepareState, putAll, roll, SHADOW_LONG, SHADOW_VERY_SHORT, startRun, trailing, upperShadow } from "./common";

const LOOKBACK = max(max(period(SHADOW_VERY_SHORT), period(SHADOW_LONG)), max(period(BODY_LONG), period(BODY_SHORT))) + 2;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let bodyLong = trailing(BODY_LONG, first, 2);
  let shadowLong = trailing(SHADOW_LONG, first, 2);
  let shortShadow1 = trailing(SHADOW_VERY_SHORT, first, 1);
  let shortShadow0 = trailing(SHADOW_VERY_SHORT, first, 0);
  let bodyShort = trailing(BODY_SHORT, first, 0);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 2) == -1 && color(i - 1) == -1 && color(i) == -1 &&
                body(i - 2) > average(BODY_LONG, bodyLong, i - 2) &&
                lowerShadow(i - 2) > average(SHADOW_LONG, shadowLong, i - 2) &&
                body(i - 1) < body(i - 2) &&
                open(i - 1) > close(i - 2) && open(i - 1) <= high(i - 2) &&
                low(i - 1) < close(i - 2) && low(i - 1) >= low(i - 2) &&
                lowerShadow(i - 1) > average(SHADOW_VERY_SHORT, shortShadow1, i - 1) &&
                body(i) < average(BODY_SHORT, bodyShort, i) &&
                lowerShadow(i) < average(SHADOW_VERY_SHORT, shortShadow0, i) &&
                upperShadow(i) < average(SHADOW_VERY_SHORT, shortShadow0, i) &&
                low(i) > low(i - 1) && high(i) < high(i - 1);
    putAll<O>(c, i, b0, nb, hit ? 100.0 : 0.0);
    bodyLong = roll(BODY_LONG, bodyLong, i - 2);
    shadowLong = roll(SHADOW_LONG, shadowLong, i - 2);
    shortShadow1 = roll(SHADOW_VERY_SHORT, shortShadow1, i - 1);
    shortShadow0 = roll(SHADOW_VERY_SHORT, shortShadow0, i);
    bodyShort = roll(BODY_SHORT, bodyShort, i);
  }
  keepTotal(BODY_LONG, 2, bodyLong);
  keepTotal(SHADOW_LONG, 2, shadowLong);
  keepTotal(SHADOW_VERY_SHORT, 1, shortShadow1);
  keepTotal(SHADOW_VERY_SHORT, 0, shortShadow0);
  keepTotal(BODY_SHORT, 0, bodyShort);
}
