// pattern.doji; mirrors native/pattern/doji.h.
import { Call } from "../abi";
import { averageOf, body, BODY_DOJI, follow, period, putAll, rollAll, startRun } from "./common";

const LOOKBACK = period(BODY_DOJI);

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  const bodyDoji = follow(0, BODY_DOJI, first);
  for (let i = first; i < e; ++i) {
    putAll<O>(c, i, b0, nb, body(i) <= averageOf(bodyDoji, i) ? 100.0 : 0.0);
    rollAll(1, i);
  }
}
