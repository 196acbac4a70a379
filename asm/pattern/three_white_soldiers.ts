// pattern.three_white_soldiers; mirrors native/pattern/three_white_soldiers.h.
import { Call } from "../abi";
import { average, body, BODY_SHORT, close, color, FAR, keepTotal, NEAR, open, period, prepareState, putAll, roll, SHADOW_VERY_SHORT, startRun, trailing, upperShadow } from "./common";

const LOOKBACK = max(max(period(SHADOW_VERY_SHORT), period(BODY_SHORT)), max(period(FAR), period(NEAR))) + 2;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let shortShadow2 = trailing(SHADOW_VERY_SHORT, first, 2);
  let shortShadow1 = trailing(SHADOW_VERY_SHORT, first, 1);
  let shortShadow0 = trailing(SHADOW_VERY_SHORT, first, 0);
  let near2 = trailing(NEAR, first, 2);
  let near1 = trailing(NEAR, first, 1);
  let far2 = trailing(FAR, first, 2);
  let far1 = trailing(FAR, first, 1);
  let bodyShort = trailing(BODY_SHORT, first, 0);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 2) == 1 && upperShadow(i - 2) < average(SHADOW_VERY_SHORT, shortShadow2, i - 2) &&
                color(i - 1) == 1 && upperShadow(i - 1) < average(SHADOW_VERY_SHORT, shortShadow1, i - 1) &&
                color(i) == 1 && upperShadow(i) < average(SHADOW_VERY_SHORT, shortShadow0, i) &&
                close(i) > close(i - 1) && close(i - 1) > close(i - 2) &&
                open(i - 1) > open(i - 2) && open(i - 1) <= close(i - 2) + average(NEAR, near2, i - 2) &&
                open(i) > open(i - 1) && open(i) <= close(i - 1) + average(NEAR, near1, i - 1) &&
                body(i - 1) > body(i - 2) - average(FAR, far2, i - 2) &&
                body(i) > body(i - 1) - average(FAR, far1, i - 1) &&
                body(i) > average(BODY_SHORT, bodyShort, i);
    putAll<O>(c, i, b0, nb, hit ? 100.0 : 0.0);
    shortShadow2 = roll(SHADOW_VERY_SHORT, shortShadow2, i - 2);
    shortShadow1 = roll(SHADOW_VERY_SHORT, shortShadow1, i - 1);
    shortShadow0 = roll(SHADOW_VERY_SHORT, shortShadow0, i);
    far2 = roll(FAR, far2, i - 2);
    near2 = roll(NEAR, near2, i - 2);
    far1 = roll(FAR, far1, i - 1);
    near1 = roll(NEAR, near1, i - 1);
    bodyShort = roll(BODY_SHORT, bodyShort, i);
  }
  keepTotal(SHADOW_VERY_SHORT, 2, shortShadow2);
  keepTotal(SHADOW_VERY_SHORT, 1, shortShadow1);
  keepTotal(SHADOW_VERY_SHORT, 0, shortShadow0);
  keepTotal(NEAR, 2, near2);
  keepTotal(NEAR, 1, near1);
  keepTotal(FAR, 2, far2);
  keepTotal(FAR, 1, far1);
  keepTotal(BODY_SHORT, 0, bodyShort);
}
