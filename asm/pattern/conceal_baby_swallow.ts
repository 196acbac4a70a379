// pattern.conceal_baby_swallow; mirrors native/pattern/conceal_baby_swallow.h.
import { Call } from "../abi";
import { averageOf, bodyGapDown, close, color, follow, high, low, lowerShadow, period, putAll, rollAll, SHADOW_VERY_SHORT, startRun, upperShadow } from "./common";

const LOOKBACK = period(SHADOW_VERY_SHORT) + 3;

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  const shortShadow3 = follow(0, SHADOW_VERY_SHORT, first, 3);
  const shortShadow2 = follow(1, SHADOW_VERY_SHORT, first, 2);
  const shortShadow1 = follow(2, SHADOW_VERY_SHORT, first, 1);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 3) == -1 && color(i - 2) == -1 && color(i - 1) == -1 && color(i) == -1 &&
                lowerShadow(i - 3) < averageOf(shortShadow3, i) &&
                upperShadow(i - 3) < averageOf(shortShadow3, i) &&
                lowerShadow(i - 2) < averageOf(shortShadow2, i) &&
                upperShadow(i - 2) < averageOf(shortShadow2, i) &&
                bodyGapDown(i - 1, i - 2) &&
                upperShadow(i - 1) > averageOf(shortShadow1, i) &&
                high(i - 1) > close(i - 2) &&
                high(i) > high(i - 1) && low(i) < low(i - 1);
    putAll<O>(c, i, b0, nb, hit ? 100.0 : 0.0);
    rollAll(3, i);
  }
}
