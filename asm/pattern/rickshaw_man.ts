// pattern.rickshaw_man; mirrors native/pattern/rickshaw_man.h.
import { Call } from "../abi";
import { average, body, BODY_DOJI, bodyBottom, bodyTop, highLow, keepTotal, low, lowerShadow, NEAR, period, prepareState, putAll, roll, SHADOW_LONG, startRun, trailing, upperShadow } from "./common";

const LOOKBACK = max(max(period(BODY_DOJI), period(SHADOW_LONG)), period(NEAR));

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let doji = trailing(BODY_DOJI, first, 0);
  let near = trailing(NEAR, first, 0);
  for (let i = first; i < e; ++i) {
    // ShadowLong has period 0: its average is the bar's own body, its total unused.
    const longShadow = average(SHADOW_LONG, 0.0, i);
    const nearMid = average(NEAR, near, i);
    const hit = body(i) <= average(BODY_DOJI, doji, i) &&
                lowerShadow(i) > longShadow && upperShadow(i) > longShadow &&
                bodyBottom(i) <= low(i) + highLow(i) / 2.0 + nearMid &&
                bodyTop(i) >= low(i) + highLow(i) / 2.0 - nearMid;
    putAll<O>(c, i, b0, nb, hit ? 100.0 : 0.0);
    doji = roll(BODY_DOJI, doji, i);
    near = roll(NEAR, near, i);
  }
  keepTotal(BODY_DOJI, 0, doji);
  keepTotal(NEAR, 0, near);
}
