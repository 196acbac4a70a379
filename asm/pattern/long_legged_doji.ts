// pattern.long_legged_doji; mirrors native/pattern/long_legged_doji.h.
import { Call } from "../abi";
import { average, averageOf, body, BODY_DOJI, follow, lowerShadow, period, putAll, rollAll, SHADOW_LONG, startRun, upperShadow } from "./common";

const LOOKBACK = max(period(BODY_DOJI), period(SHADOW_LONG));

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  const doji = follow(0, BODY_DOJI, first);
  for (let i = first; i < e; ++i) {
    // ShadowLong has period 0: its average is the bar's own body, its total unused.
    const longShadow = average(SHADOW_LONG, 0.0, i);
    const hit = body(i) <= averageOf(doji, i) &&
                (lowerShadow(i) > longShadow || upperShadow(i) > longShadow);
    putAll<O>(c, i, b0, nb, hit ? 100.0 : 0.0);
    rollAll(1, i);
  }
}
