// pattern.high_wave; mirrors native/pattern/high_wave.h.
import { Call } from "../abi";
import { averageOf, body, BODY_SHORT, color, follow, lowerShadow, period, putAll, rollAll, SHADOW_VERY_LONG, startRun, upperShadow } from "./common";

const LOOKBACK = max(period(BODY_SHORT), period(SHADOW_VERY_LONG));

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  const bodyShort = follow(0, BODY_SHORT, first);
  const shadowVeryLong = follow(1, SHADOW_VERY_LONG, first);
  for (let i = first; i < e; ++i) {
    const hit = body(i) < averageOf(bodyShort, i) &&
                upperShadow(i) > averageOf(shadowVeryLong, i) &&
                lowerShadow(i) > averageOf(shadowVeryLong, i);
    putAll<O>(c, i, b0, nb, hit ? color(i) * 100.0 : 0.0);
    rollAll(2, i);
  }
}
