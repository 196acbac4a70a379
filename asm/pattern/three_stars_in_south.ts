// pattern.three_stars_in_south; mirrors native/pattern/three_stars_in_south.h.
import { Call } from "../abi";
import { averageOf, body, BODY_LONG, BODY_SHORT, close, color, follow, high, low, lowerShadow, open, period, putAll, rollAll, SHADOW_LONG, SHADOW_VERY_SHORT, startRun, upperShadow } from "./common";

const LOOKBACK = max(max(period(SHADOW_VERY_SHORT), period(SHADOW_LONG)), max(period(BODY_LONG), period(BODY_SHORT))) + 2;

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  const bodyLong = follow(0, BODY_LONG, first, 2);
  const shadowLong = follow(1, SHADOW_LONG, first, 2);
  const shortShadow1 = follow(2, SHADOW_VERY_SHORT, first, 1);
  const shortShadow0 = follow(3, SHADOW_VERY_SHORT, first);
  const bodyShort = follow(4, BODY_SHORT, first);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 2) == -1 && color(i - 1) == -1 && color(i) == -1 &&
                body(i - 2) > averageOf(bodyLong, i) &&
                lowerShadow(i - 2) > averageOf(shadowLong, i) &&
                body(i - 1) < body(i - 2) &&
                open(i - 1) > close(i - 2) && open(i - 1) <= high(i - 2) &&
                low(i - 1) < close(i - 2) && low(i - 1) >= low(i - 2) &&
                lowerShadow(i - 1) > averageOf(shortShadow1, i) &&
                body(i) < averageOf(bodyShort, i) &&
                lowerShadow(i) < averageOf(shortShadow0, i) &&
                upperShadow(i) < averageOf(shortShadow0, i) &&
                low(i) > low(i - 1) && high(i) < high(i - 1);
    putAll<O>(c, i, b0, nb, hit ? 100.0 : 0.0);
    rollAll(5, i);
  }
}
