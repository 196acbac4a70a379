// pattern.high_wave; mirrors native/pattern/high_wave.h.
import { Call } from "../abi";
import { average, body, BODY_SHORT, color, keepTotal, lowerShadow, period, prepareState, putAll, roll, SHADOW_VERY_LONG, startRun, trailing, upperShadow } from "./common";

const LOOKBACK = max(period(BODY_SHORT), period(SHADOW_VERY_LONG));

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let bodyShort = trailing(BODY_SHORT, first, 0);
  let shadowVeryLong = trailing(SHADOW_VERY_LONG, first, 0);
  for (let i = first; i < e; ++i) {
    const hit = body(i) < average(BODY_SHORT, bodyShort, i) &&
                upperShadow(i) > average(SHADOW_VERY_LONG, shadowVeryLong, i) &&
                lowerShadow(i) > average(SHADOW_VERY_LONG, shadowVeryLong, i);
    putAll<O>(c, i, b0, nb, hit ? color(i) * 100.0 : 0.0);
    bodyShort = roll(BODY_SHORT, bodyShort, i);
    shadowVeryLong = roll(SHADOW_VERY_LONG, shadowVeryLong, i);
  }
  keepTotal(BODY_SHORT, 0, bodyShort);
  keepTotal(SHADOW_VERY_LONG, 0, shadowVeryLong);
}
