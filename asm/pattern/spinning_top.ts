// pattern.spinning_top; mirrors native/pattern/spinning_top.h.
import { Call } from "../abi";
import { averageOf, body, BODY_SHORT, color, follow, lowerShadow, period, putAll, rollAll, startRun, upperShadow } from "./common";

const LOOKBACK = period(BODY_SHORT);

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  const bodyShort = follow(0, BODY_SHORT, first);
  for (let i = first; i < e; ++i) {
    const hit = body(i) < averageOf(bodyShort, i) &&
                upperShadow(i) > body(i) && lowerShadow(i) > body(i);
    putAll<O>(c, i, b0, nb, hit ? <f64>(color(i) * 100) : 0.0);
    rollAll(1, i);
  }
}
