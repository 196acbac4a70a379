// pattern.matching_low; mirrors native/pattern/matching_low.h.
import { Call } from "../abi";
import { average, close, color, EQUAL, keepTotal, period, prepareState, putAll, roll, startRun, trailing } from "./common";

const LOOKBACK = period(EQUAL) + 1;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let equal = trailing(EQUAL, first, 1);
  for (let i = first; i < e; ++i) {
    const same = average(EQUAL, equal, i - 1);
    const hit = color(i - 1) == -1 && color(i) == -1 &&
                close(i) <= close(i - 1) + same && close(i) >= close(i - 1) - same;
    putAll<O>(c, i, b0, nb, hit ? 100.0 : 0.0);
    equal = roll(EQUAL, equal, i - 1);
  }
  keepTotal(EQUAL, 1, equal);
}
