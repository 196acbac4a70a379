// pattern.takuri; mirrors native/pattern/takuri.h.
import { Call } from "../abi";
import { average, body, BODY_DOJI, keepTotal, lowerShadow, period, prepareState, putAll, roll, SHADOW_VERY_LONG, SHADOW_VERY_SHORT, startRun, trailing, upperShadow } from "./common";

const LOOKBACK = max(max(period(BODY_DOJI), period(SHADOW_VERY_SHORT)), period(SHADOW_VERY_LONG));

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let doji = trailing(BODY_DOJI, first, 0);
  let shortShadow = trailing(SHADOW_VERY_SHORT, first, 0);
  for (let i = first; i < e; ++i) {
    // ShadowVeryLong has period 0: its average is twice the bar's own body, its total unused.
    const hit = body(i) <= average(BODY_DOJI, doji, i) &&
                upperShadow(i) < average(SHADOW_VERY_SHORT, shortShadow, i) &&
                lowerShadow(i) > average(SHADOW_VERY_LONG, 0.0, i);
    putAll<O>(c, i, b0, nb, hit ? 100.0 : 0.0);
    doji = roll(BODY_DOJI, doji, i);
    shortShadow = roll(SHADOW_VERY_SHORT, shortShadow, i);
  }
  keepTotal(BODY_DOJI, 0, doji);
  keepTotal(SHADOW_VERY_SHORT, 0, shortShadow);
}
