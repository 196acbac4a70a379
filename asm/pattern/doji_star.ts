// pattern.doji_star; mirrors native/pattern/doji_star.h.
import { Call } from "../abi";
import { average, body, BODY_DOJI, BODY_LONG, bodyGapDown, bodyGapUp, color, keepTotal, period, prepareState, putAll, roll, startRun, trailing } from "./common";

const LOOKBACK = max(period(BODY_DOJI), period(BODY_LONG)) + 1;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let bodyLong = trailing(BODY_LONG, first, 1);
  let bodyDoji = trailing(BODY_DOJI, first, 0);
  for (let i = first; i < e; ++i) {
    const hit = body(i - 1) > average(BODY_LONG, bodyLong, i - 1) &&
                body(i) <= average(BODY_DOJI, bodyDoji, i) &&
                ((color(i - 1) == 1 && bodyGapUp(i, i - 1)) || (color(i - 1) == -1 && bodyGapDown(i, i - 1)));
    putAll<O>(c, i, b0, nb, hit ? -color(i - 1) * 100.0 : 0.0);
    bodyLong = roll(BODY_LONG, bodyLong, i - 1);
    bodyDoji = roll(BODY_DOJI, bodyDoji, i);
  }
  keepTotal(BODY_LONG, 1, bodyLong);
  keepTotal(BODY_DOJI, 0, bodyDoji);
}
