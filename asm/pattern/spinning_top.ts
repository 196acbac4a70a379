// pattern.spinning_top; mirrors native/pattern/spinning_top.h.
import { Call } from "../abi";
import { average, body, BODY_SHORT, color, keepTotal, lowerShadow, period, prepareState, putAll, roll, startRun, trailing, upperShadow } from "./common";

const LOOKBACK = period(BODY_SHORT);

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let bodyShort = trailing(BODY_SHORT, first, 0);
  for (let i = first; i < e; ++i) {
    const hit = body(i) < average(BODY_SHORT, bodyShort, i) &&
                upperShadow(i) > body(i) && lowerShadow(i) > body(i);
    putAll<O>(c, i, b0, nb, hit ? <f64>(color(i) * 100) : 0.0);
    bodyShort = roll(BODY_SHORT, bodyShort, i);
  }
  keepTotal(BODY_SHORT, 0, bodyShort);
}
