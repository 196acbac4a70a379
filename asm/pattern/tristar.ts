// pattern.tristar; mirrors native/pattern/tristar.h.
import { Call } from "../abi";
import { average, body, BODY_DOJI, bodyBottom, bodyGapDown, bodyGapUp, bodyTop, keepTotal, period, prepareState, putAll, roll, startRun, trailing } from "./common";

const LOOKBACK = period(BODY_DOJI) + 2;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let doji = trailing(BODY_DOJI, first, 2);
  for (let i = first; i < e; ++i) {
    const dojiBody = average(BODY_DOJI, doji, i - 2);
    let v = 0.0;
    if (body(i - 2) <= dojiBody && body(i - 1) <= dojiBody && body(i) <= dojiBody) {
      if (bodyGapUp(i - 1, i - 2) && bodyTop(i) < bodyTop(i - 1)) v = -100.0;
      if (bodyGapDown(i - 1, i - 2) && bodyBottom(i) > bodyBottom(i - 1)) v = 100.0;
    }
    putAll<O>(c, i, b0, nb, v);
    doji = roll(BODY_DOJI, doji, i - 2);
  }
  keepTotal(BODY_DOJI, 2, doji);
}
