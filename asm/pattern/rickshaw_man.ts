// pattern.rickshaw_man; mirrors native/pattern/rickshaw_man.h.
import { Call } from "../abi";
import { average, averageOf, body, BODY_DOJI, bodyBottom, bodyTop, follow, highLow, low, lowerShadow, NEAR, period, putAll, rollAll, SHADOW_LONG, startRun, upperShadow } from "./common";

const LOOKBACK = max(max(period(BODY_DOJI), period(SHADOW_LONG)), period(NEAR));

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  const doji = follow(0, BODY_DOJI, first);
  const near = follow(1, NEAR, first);
  for (let i = first; i < e; ++i) {
    // ShadowLong has period 0: its average is the bar's own body, its total unused.
    const longShadow = average(SHADOW_LONG, 0.0, i);
    const nearMid = averageOf(near, i);
    const hit = body(i) <= averageOf(doji, i) &&
                lowerShadow(i) > longShadow && upperShadow(i) > longShadow &&
                bodyBottom(i) <= low(i) + highLow(i) / 2.0 + nearMid &&
                bodyTop(i) >= low(i) + highLow(i) / 2.0 - nearMid;
    putAll<O>(c, i, b0, nb, hit ? 100.0 : 0.0);
    rollAll(2, i);
  }
}
