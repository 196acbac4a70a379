// pattern.in_neck; mirrors native/pattern/in_neck.h.
import { Call } from "../abi";
import { average, body, BODY_LONG, close, color, EQUAL, keepTotal, low, open, period, prepareState, putAll, roll, startRun, trailing } from "./common";

const LOOKBACK = max(period(EQUAL), period(BODY_LONG)) + 1;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

// The scan shared with pattern.on_neck and pattern.thrusting: a long black
// candle, then a white one opening below its low whose close passes
// closes(i, same), `same` being the Equal average judging bar i - 1: -100.
export function scan<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, closes: (i: i32, same: f64) => bool): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let equal = trailing(EQUAL, first, 1);
  let bodyLong = trailing(BODY_LONG, first, 1);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 1) == -1 && body(i - 1) > average(BODY_LONG, bodyLong, i - 1) &&
                color(i) == 1 && open(i) < low(i - 1) && closes(i, average(EQUAL, equal, i - 1));
    putAll<O>(c, i, b0, nb, hit ? -100.0 : 0.0);
    equal = roll(EQUAL, equal, i - 1);
    bodyLong = roll(BODY_LONG, bodyLong, i - 1);
  }
  keepTotal(EQUAL, 1, equal);
  keepTotal(BODY_LONG, 1, bodyLong);
}

function closesInNeck(i: i32, same: f64): bool {
  return close(i) <= close(i - 1) + same && close(i) >= close(i - 1);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  scan<O>(c, b0, nb, s, e, closesInNeck);
}
