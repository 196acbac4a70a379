// pattern.separating_lines; mirrors native/pattern/separating_lines.h.
import { Call } from "../abi";
import { average, body, BODY_LONG, color, EQUAL, keepTotal, lowerShadow, open, period, prepareState, putAll, roll, SHADOW_VERY_SHORT, startRun, trailing, upperShadow } from "./common";

const LOOKBACK = max(max(period(SHADOW_VERY_SHORT), period(BODY_LONG)), period(EQUAL)) + 1;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let shortShadow = trailing(SHADOW_VERY_SHORT, first, 0);
  let bodyLong = trailing(BODY_LONG, first, 0);
  let equal = trailing(EQUAL, first, 1);
  for (let i = first; i < e; ++i) {
    const same = average(EQUAL, equal, i - 1);
    const shadow = average(SHADOW_VERY_SHORT, shortShadow, i);
    const hit = color(i - 1) == -color(i) &&
                open(i) <= open(i - 1) + same && open(i) >= open(i - 1) - same &&
                body(i) > average(BODY_LONG, bodyLong, i) &&
                ((color(i) == 1 && lowerShadow(i) < shadow) || (color(i) == -1 && upperShadow(i) < shadow));
    putAll<O>(c, i, b0, nb, hit ? <f64>(color(i) * 100) : 0.0);
    shortShadow = roll(SHADOW_VERY_SHORT, shortShadow, i);
    bodyLong = roll(BODY_LONG, bodyLong, i);
    equal = roll(EQUAL, equal, i - 1);
  }
  keepTotal(SHADOW_VERY_SHORT, 0, shortShadow);
  keepTotal(BODY_LONG, 0, bodyLong);
  keepTotal(EQUAL, 1, equal);
}
