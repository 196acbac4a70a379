// pattern.long_legged_doji; mirrors native/pattern/long_legged_doji.h.
import { Call } from "../abi";
import { average, body, BODY_DOJI, keepTotal, lowerShadow, period, prepareState, putAll, roll, SHADOW_LONG, startRun, trailing, upperShadow } from "./common";

const LOOKBACK = max(period(BODY_DOJI), period(SHADOW_LONG));

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let doji = trailing(BODY_DOJI, first, 0);
  for (let i = first; i < e; ++i) {
    // ShadowLong has period 0: its average is the bar's own body, its total unused.
    const longShadow = average(SHADOW_LONG, 0.0, i);
    const hit = body(i) <= average(BODY_DOJI, doji, i) &&
                (lowerShadow(i) > longShadow || upperShadow(i) > longShadow);
    putAll<O>(c, i, b0, nb, hit ? 100.0 : 0.0);
    doji = roll(BODY_DOJI, doji, i);
  }
  keepTotal(BODY_DOJI, 0, doji);
}
