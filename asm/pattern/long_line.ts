// pattern.long_line; mirrors native/pattern/long_line.h.
import { Call } from "../abi";
import { average, body, BODY_LONG, color, keepTotal, lowerShadow, period, prepareState, putAll, roll, SHADOW_SHORT, startRun, trailing, upperShadow } from "./common";

const LOOKBACK = max(period(BODY_LONG), period(SHADOW_SHORT));

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

// The one-candle scan shared with pattern.marubozu and pattern.short_line: a
// body longer (longBody) or shorter than setting `bodySetting` with both
// shadows shorter than setting `shadow`, signed by the candle's colour.
export function scan<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, lookback: i32, bodySetting: i32, longBody: bool, shadow: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, lookback);
  if (first == e) return;
  let bodyTotal = trailing(bodySetting, first, 0);
  let shadowTotal = trailing(shadow, first, 0);
  for (let i = first; i < e; ++i) {
    const bodyAverage = average(bodySetting, bodyTotal, i), shadowAverage = average(shadow, shadowTotal, i);
    const hit = (longBody ? body(i) > bodyAverage : body(i) < bodyAverage) &&
                upperShadow(i) < shadowAverage && lowerShadow(i) < shadowAverage;
    putAll<O>(c, i, b0, nb, hit ? <f64>(color(i) * 100) : 0.0);
    bodyTotal = roll(bodySetting, bodyTotal, i);
    shadowTotal = roll(shadow, shadowTotal, i);
  }
  keepTotal(bodySetting, 0, bodyTotal);
  keepTotal(shadow, 0, shadowTotal);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  scan<O>(c, b0, nb, s, e, LOOKBACK, BODY_LONG, true, SHADOW_SHORT);
}
