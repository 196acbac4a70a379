// pattern.harami; mirrors native/pattern/harami.h.
import { Call } from "../abi";
import { average, body, BODY_LONG, BODY_SHORT, bodyBottom, bodyTop, color, keepTotal, period, prepareState, putAll, roll, startRun, trailing } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

// The harami, whose second candle is judged by setting `second`: BODY_SHORT
// here, BODY_DOJI for the harami cross.
export function haramiSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, second: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, max(period(second), period(BODY_LONG)) + 1);
  if (first == e) return;
  let bodyLong = trailing(BODY_LONG, first, 1);
  let secondTotal = trailing(second, first, 0);
  for (let i = first; i < e; ++i) {
    let v = 0.0;
    if (body(i - 1) > average(BODY_LONG, bodyLong, i - 1) && body(i) <= average(second, secondTotal, i)) {
      if (bodyTop(i) < bodyTop(i - 1) && bodyBottom(i) > bodyBottom(i - 1)) v = -color(i - 1) * 100.0;
      else if (bodyTop(i) <= bodyTop(i - 1) && bodyBottom(i) >= bodyBottom(i - 1)) v = -color(i - 1) * 80.0;
    }
    putAll<O>(c, i, b0, nb, v);
    bodyLong = roll(BODY_LONG, bodyLong, i - 1);
    secondTotal = roll(second, secondTotal, i);
  }
  keepTotal(BODY_LONG, 1, bodyLong);
  keepTotal(second, 0, secondTotal);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void { haramiSegment<O>(c, b0, nb, s, e, BODY_SHORT); }
