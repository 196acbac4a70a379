// pattern.identical_three_crows; mirrors native/pattern/identical_three_crows.h.
import { Call } from "../abi";
import { averageOf, close, color, EQUAL, follow, lowerShadow, open, period, putAll, rollAll, SHADOW_VERY_SHORT, startRun } from "./common";

const LOOKBACK = max(period(SHADOW_VERY_SHORT), period(EQUAL)) + 2;

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  // shortShadowD, equalD: the totals judging bar i - D
  const shortShadow2 = follow(0, SHADOW_VERY_SHORT, first, 2);
  const shortShadow1 = follow(1, SHADOW_VERY_SHORT, first, 1);
  const shortShadow0 = follow(2, SHADOW_VERY_SHORT, first);
  const equal2 = follow(3, EQUAL, first, 2);
  const equal1 = follow(4, EQUAL, first, 1);
  for (let i = first; i < e; ++i) {
    const same2 = averageOf(equal2, i), same1 = averageOf(equal1, i);
    const hit = color(i - 2) == -1 && lowerShadow(i - 2) < averageOf(shortShadow2, i) &&
                color(i - 1) == -1 && lowerShadow(i - 1) < averageOf(shortShadow1, i) &&
                color(i) == -1 && lowerShadow(i) < averageOf(shortShadow0, i) &&
                close(i - 2) > close(i - 1) && close(i - 1) > close(i) &&
                open(i - 1) <= close(i - 2) + same2 && open(i - 1) >= close(i - 2) - same2 &&
                open(i) <= close(i - 1) + same1 && open(i) >= close(i - 1) - same1;
    putAll<O>(c, i, b0, nb, hit ? -100.0 : 0.0);
    rollAll(5, i);
  }
}
