// pattern.doji; mirrors native/pattern/doji.h.
import { Call } from "../abi";
import { average, body, BODY_DOJI, keepTotal, period, prepareState, putAll, roll, startRun, trailing } from "./common";

const LOOKBACK = period(BODY_DOJI);

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let bodyDoji = trailing(BODY_DOJI, first, 0);
  for (let i = first; i < e; ++i) {
    putAll<O>(c, i, b0, nb, body(i) <= average(BODY_DOJI, bodyDoji, i) ? 100.0 : 0.0);
    bodyDoji = roll(BODY_DOJI, bodyDoji, i);
  }
  keepTotal(BODY_DOJI, 0, bodyDoji);
}
