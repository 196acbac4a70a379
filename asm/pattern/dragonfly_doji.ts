// pattern.dragonfly_doji; mirrors native/pattern/dragonfly_doji.h.
import { Call } from "../abi";
import { average, body, BODY_DOJI, keepTotal, lowerShadow, period, prepareState, putAll, roll, SHADOW_VERY_SHORT, startRun, trailing, upperShadow } from "./common";

const LOOKBACK = max(period(BODY_DOJI), period(SHADOW_VERY_SHORT));

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

// The dragonfly doji, or with `gravestone` the gravestone doji (shadows swapped).
export function sideSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, gravestone: bool): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let bodyDoji = trailing(BODY_DOJI, first, 0);
  let shortShadow = trailing(SHADOW_VERY_SHORT, first, 0);
  for (let i = first; i < e; ++i) {
    const quiet = gravestone ? lowerShadow(i) : upperShadow(i);
    const tail = gravestone ? upperShadow(i) : lowerShadow(i);
    const hit = body(i) <= average(BODY_DOJI, bodyDoji, i) &&
                quiet < average(SHADOW_VERY_SHORT, shortShadow, i) &&
                tail > average(SHADOW_VERY_SHORT, shortShadow, i);
    putAll<O>(c, i, b0, nb, hit ? 100.0 : 0.0);
    bodyDoji = roll(BODY_DOJI, bodyDoji, i);
    shortShadow = roll(SHADOW_VERY_SHORT, shortShadow, i);
  }
  keepTotal(BODY_DOJI, 0, bodyDoji);
  keepTotal(SHADOW_VERY_SHORT, 0, shortShadow);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void { sideSegment<O>(c, b0, nb, s, e, false); }
