// pattern.three_black_crows; mirrors native/pattern/three_black_crows.h.
import { Call } from "../abi";
import { average, close, color, high, keepTotal, lowerShadow, open, period, prepareState, putAll, roll, SHADOW_VERY_SHORT, startRun, trailing } from "./common";

const LOOKBACK = period(SHADOW_VERY_SHORT) + 3;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  // shortShadowD: the ShadowVeryShort total judging bar i - D
  let shortShadow2 = trailing(SHADOW_VERY_SHORT, first, 2);
  let shortShadow1 = trailing(SHADOW_VERY_SHORT, first, 1);
  let shortShadow0 = trailing(SHADOW_VERY_SHORT, first, 0);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 3) == 1 &&
                color(i - 2) == -1 && lowerShadow(i - 2) < average(SHADOW_VERY_SHORT, shortShadow2, i - 2) &&
                color(i - 1) == -1 && lowerShadow(i - 1) < average(SHADOW_VERY_SHORT, shortShadow1, i - 1) &&
                color(i) == -1 && lowerShadow(i) < average(SHADOW_VERY_SHORT, shortShadow0, i) &&
                open(i - 1) < open(i - 2) && open(i - 1) > close(i - 2) &&
                open(i) < open(i - 1) && open(i) > close(i - 1) &&
                high(i - 3) > close(i - 2) && close(i - 2) > close(i - 1) && close(i - 1) > close(i);
    putAll<O>(c, i, b0, nb, hit ? -100.0 : 0.0);
    shortShadow2 = roll(SHADOW_VERY_SHORT, shortShadow2, i - 2);
    shortShadow1 = roll(SHADOW_VERY_SHORT, shortShadow1, i - 1);
    shortShadow0 = roll(SHADOW_VERY_SHORT, shortShadow0, i);
  }
  keepTotal(SHADOW_VERY_SHORT, 2, shortShadow2);
  keepTotal(SHADOW_VERY_SHORT, 1, shortShadow1);
  keepTotal(SHADOW_VERY_SHORT, 0, shortShadow0);
}
