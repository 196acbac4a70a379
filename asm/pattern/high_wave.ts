// pattern.high_wave; mirrors native/pattern/high_wave.h.
import { Call } from "../abi";
import { average, body, BODY_SHORT, color, lowerShadow, period, putAll, roll, SHADOW_VERY_LONG, startRun, total, upperShadow } from "./common";

const LOOKBACK = max(period(BODY_SHORT), period(SHADOW_VERY_LONG));

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let bodyShort = total(BODY_SHORT, first);
  let shadowVeryLong = total(SHADOW_VERY_LONG, first);
  for (let i = first; i < e; ++i) {
    const hit = body(i) < average(BODY_SHORT, bodyShort, i) &&
                upperShadow(i) > average(SHADOW_VERY_LONG, shadowVeryLong, i) &&
                lowerShadow(i) > average(SHADOW_VERY_LONG, shadowVeryLong, i);
    putAll<O>(c, i, b0, nb, hit ? color(i) * 100.0 : 0.0);
    bodyShort = roll(BODY_SHORT, bodyShort, i);
    shadowVeryLong = roll(SHADOW_VERY_LONG, shadowVeryLong, i);
  }
}
