// pattern.identical_three_crows; mirrors native/pattern/identical_three_crows.h.
import { Call } from "../abi";
import { average, close, color, EQUAL, keepTotal, lowerShadow, open, period, prepareState, putAll, roll, SHADOW_VERY_SHORT, startRun, trailing } from "./common";

const LOOKBACK = max(period(SHADOW_VERY_SHORT), period(EQUAL)) + 2;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  // shortShadowD, equalD: the totals judging bar i - D
  let shortShadow2 = trailing(SHADOW_VERY_SHORT, first, 2);
  let shortShadow1 = trailing(SHADOW_VERY_SHORT, first, 1);
  let shortShadow0 = trailing(SHADOW_VERY_SHORT, first, 0);
  let equal2 = trailing(EQUAL, first, 2);
  let equal1 = trailing(EQUAL, first, 1);
  for (let i = first; i < e; ++i) {
    const same2 = average(EQUAL, equal2, i - 2), same1 = average(EQUAL, equal1, i - 1);
    const hit = color(i - 2) == -1 && lowerShadow(i - 2) < average(SHADOW_VERY_SHORT, shortShadow2, i - 2) &&
                color(i - 1) == -1 && lowerShadow(i - 1) < average(SHADOW_VERY_SHORT, shortShadow1, i - 1) &&
                color(i) == -1 && lowerShadow(i) < average(SHADOW_VERY_SHORT, shortShadow0, i) &&
                close(i - 2) > close(i - 1) && close(i - 1) > close(i) &&
                open(i - 1) <= close(i - 2) + same2 && open(i - 1) >= close(i - 2) - same2 &&
                open(i) <= close(i - 1) + same1 && open(i) >= close(i - 1) - same1;
    putAll<O>(c, i, b0, nb, hit ? -100.0 : 0.0);
    shortShadow2 = roll(SHADOW_VERY_SHORT, shortShadow2, i - 2);
    shortShadow1 = roll(SHADOW_VERY_SHORT, shortShadow1, i - 1);
    shortShadow0 = roll(SHADOW_VERY_SHORT, shortShadow0, i);
    equal2 = roll(EQUAL, equal2, i - 2);
    equal1 = roll(EQUAL, equal1, i - 1);
  }
  keepTotal(SHADOW_VERY_SHORT, 2, shortShadow2);
  keepTotal(SHADOW_VERY_SHORT, 1, shortShadow1);
  keepTotal(SHADOW_VERY_SHORT, 0, shortShadow0);
  keepTotal(EQUAL, 2, equal2);
  keepTotal(EQUAL, 1, equal1);
}
