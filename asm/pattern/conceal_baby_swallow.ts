// pattern.conceal_baby_swallow; mirrors native/pattern/conceal_baby_swallow.h.
import { Call } from "../abi";
import { average, bodyGapDown, close, color, high, keepTotal, low, lowerShadow, period, prepareState, putAll, roll, SHADOW_VERY_SHORT, startRun, trailing, upperShadow } from "./common";

const LOOKBACK = period(SHADOW_VERY_SHORT) + 3;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let shortShadow3 = trailing(SHADOW_VERY_SHORT, first, 3);
  let shortShadow2 = trailing(SHADOW_VERY_SHORT, first, 2);
  let shortShadow1 = trailing(SHADOW_VERY_SHORT, first, 1);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 3) == -1 && color(i - 2) == -1 && color(i - 1) == -1 && color(i) == -1 &&
                lowerShadow(i - 3) < average(SHADOW_VERY_SHORT, shortShadow3, i - 3) &&
                upperShadow(i - 3) < average(SHADOW_VERY_SHORT, shortShadow3, i - 3) &&
                lowerShadow(i - 2) < average(SHADOW_VERY_SHORT, shortShadow2, i - 2) &&
                upperShadow(i - 2) < average(SHADOW_VERY_SHORT, shortShadow2, i - 2) &&
                bodyGapDown(i - 1, i - 2) &&
                upperShadow(i - 1) > average(SHADOW_VERY_SHORT, shortShadow1, i - 1) &&
                high(i - 1) > close(i - 2) &&
                high(i) > high(i - 1) && low(i) < low(i - 1);
    putAll<O>(c, i, b0, nb, hit ? 100.0 : 0.0);
    shortShadow3 = roll(SHADOW_VERY_SHORT, shortShadow3, i - 3);
    shortShadow2 = roll(SHADOW_VERY_SHORT, shortShadow2, i - 2);
    shortShadow1 = roll(SHADOW_VERY_SHORT, shortShadow1, i - 1);
  }
  keepTotal(SHADOW_VERY_SHORT, 3, shortShadow3);
  keepTotal(SHADOW_VERY_SHORT, 2, shortShadow2);
  keepTotal(SHADOW_VERY_SHORT, 1, shortShadow1);
}
