// pattern.dragonfly_doji; mirrors native/pattern/dragonfly_doji.h.
import { Call } from "../abi";
import { averageOf, body, BODY_DOJI, follow, lowerShadow, period, putAll, rollAll, SHADOW_VERY_SHORT, startRun, upperShadow } from "./common";

const LOOKBACK = max(period(BODY_DOJI), period(SHADOW_VERY_SHORT));

export function scratch(T: i32): f64 { return 0.0; }

// The dragonfly doji, or with `gravestone` the gravestone doji (shadows swapped).
export function sideSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, gravestone: bool): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  const bodyDoji = follow(0, BODY_DOJI, first);
  const shortShadow = follow(1, SHADOW_VERY_SHORT, first);
  for (let i = first; i < e; ++i) {
    const quiet = gravestone ? lowerShadow(i) : upperShadow(i);
    const tail = gravestone ? upperShadow(i) : lowerShadow(i);
    const hit = body(i) <= averageOf(bodyDoji, i) &&
                quiet < averageOf(shortShadow, i) &&
                tail > averageOf(shortShadow, i);
    putAll<O>(c, i, b0, nb, hit ? 100.0 : 0.0);
    rollAll(2, i);
  }
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void { sideSegment<O>(c, b0, nb, s, e, false); }
