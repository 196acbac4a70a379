// pattern.advance_block; mirrors native/pattern/advance_block.h.
import { Call } from "../abi";
import { average, body, BODY_LONG, close, color, FAR, keepTotal, NEAR, open, period, prepareState, putAll, roll, SHADOW_LONG, SHADOW_SHORT, startRun, trailing, upperShadow } from "./common";

const LOOKBACK = max(max(max(period(SHADOW_LONG), period(SHADOW_SHORT)), max(period(FAR), period(NEAR))), period(BODY_LONG)) + 2;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let shadowShort2 = trailing(SHADOW_SHORT, first, 2);
  let shadowShort1 = trailing(SHADOW_SHORT, first, 1);
  let shadowShort0 = trailing(SHADOW_SHORT, first, 0);
  let shadowLong1 = trailing(SHADOW_LONG, first, 1);
  let shadowLong0 = trailing(SHADOW_LONG, first, 0);
  let near2 = trailing(NEAR, first, 2);
  let near1 = trailing(NEAR, first, 1);
  let far2 = trailing(FAR, first, 2);
  let far1 = trailing(FAR, first, 1);
  let bodyLong = trailing(BODY_LONG, first, 2);
  for (let i = first; i < e; ++i) {
    const hit =
        color(i - 2) == 1 && color(i - 1) == 1 && color(i) == 1 &&
        close(i) > close(i - 1) && close(i - 1) > close(i - 2) &&
        open(i - 1) > open(i - 2) && open(i - 1) <= close(i - 2) + average(NEAR, near2, i - 2) &&
        open(i) > open(i - 1) && open(i) <= close(i - 1) + average(NEAR, near1, i - 1) &&
        body(i - 2) > average(BODY_LONG, bodyLong, i - 2) &&
        upperShadow(i - 2) < average(SHADOW_SHORT, shadowShort2, i - 2) &&
        ((body(i - 1) < body(i - 2) - average(FAR, far2, i - 2) &&
          body(i) < body(i - 1) + average(NEAR, near1, i - 1)) ||
         body(i) < body(i - 1) - average(FAR, far1, i - 1) ||
         (body(i) < body(i - 1) && body(i - 1) < body(i - 2) &&
          (upperShadow(i) > average(SHADOW_SHORT, shadowShort0, i) ||
           upperShadow(i - 1) > average(SHADOW_SHORT, shadowShort1, i - 1))) ||
         (body(i) < body(i - 1) && upperShadow(i) > average(SHADOW_LONG, shadowLong0, i)));
    putAll<O>(c, i, b0, nb, hit ? -100.0 : 0.0);
    shadowShort2 = roll(SHADOW_SHORT, shadowShort2, i - 2);
    shadowShort1 = roll(SHADOW_SHORT, shadowShort1, i - 1);
    shadowShort0 = roll(SHADOW_SHORT, shadowShort0, i);
    shadowLong1 = roll(SHADOW_LONG, shadowLong1, i - 1);
    shadowLong0 = roll(SHADOW_LONG, shadowLong0, i);
    far2 = roll(FAR, far2, i - 2);
    near2 = roll(NEAR, near2, i - 2);
    far1 = roll(FAR, far1, i - 1);
    near1 = roll(NEAR, near1, i - 1);
    bodyLong = roll(BODY_LONG, bodyLong, i - 2);
  }
  keepTotal(SHADOW_SHORT, 2, shadowShort2);
  keepTotal(SHADOW_SHORT, 1, shadowShort1);
  keepTotal(SHADOW_SHORT, 0, shadowShort0);
  keepTotal(SHADOW_LONG, 1, shadowLong1);
  keepTotal(SHADOW_LONG, 0, shadowLong0);
  keepTotal(NEAR, 2, near2);
  keepTotal(NEAR, 1, near1);
  keepTotal(FAR, 2, far2);
  keepTotal(FAR, 1, far1);
  keepTotal(BODY_LONG, 2, bodyLong);
}
