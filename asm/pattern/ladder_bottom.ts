// pattern.ladder_bottom; mirrors native/pattern/ladder_bottom.h.
import { Call } from "../abi";
import { average, close, color, high, keepTotal, open, period, prepareState, putAll, roll, SHADOW_VERY_SHORT, startRun, trailing, upperShadow } from "./common";

const LOOKBACK = period(SHADOW_VERY_SHORT) + 4;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let shortShadow = trailing(SHADOW_VERY_SHORT, first, 1);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 4) == -1 && color(i - 3) == -1 && color(i - 2) == -1 &&
                open(i - 4) > open(i - 3) && open(i - 3) > open(i - 2) &&
                close(i - 4) > close(i - 3) && close(i - 3) > close(i - 2) &&
                color(i - 1) == -1 && upperShadow(i - 1) > average(SHADOW_VERY_SHORT, shortShadow, i - 1) &&
                color(i) == 1 && open(i) > open(i - 1) && close(i) > high(i - 1);
    putAll<O>(c, i, b0, nb, hit ? 100.0 : 0.0);
    shortShadow = roll(SHADOW_VERY_SHORT, shortShadow, i - 1);
  }
  keepTotal(SHADOW_VERY_SHORT, 1, shortShadow);
}
