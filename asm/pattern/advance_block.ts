// pattern.advance_block; mirrors native/pattern/advance_block.h.
import { Call } from "../abi";
import { averageOf, body, BODY_LONG, close, color, FAR, follow, NEAR, open, period, putAll, rollAll, SHADOW_LONG, SHADOW_SHORT, startRun, upperShadow } from "./common";

const LOOKBACK = max(max(max(period(SHADOW_LONG), period(SHADOW_SHORT)), max(period(FAR), period(NEAR))), period(BODY_LONG)) + 2;

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  const shadowShort2 = follow(0, SHADOW_SHORT, first, 2);
  const shadowShort1 = follow(1, SHADOW_SHORT, first, 1);
  const shadowShort0 = follow(2, SHADOW_SHORT, first);
  const shadowLong1 = follow(3, SHADOW_LONG, first, 1);
  const shadowLong0 = follow(4, SHADOW_LONG, first);
  const near2 = follow(5, NEAR, first, 2);
  const near1 = follow(6, NEAR, first, 1);
  const far2 = follow(7, FAR, first, 2);
  const far1 = follow(8, FAR, first, 1);
  const bodyLong = follow(9, BODY_LONG, first, 2);
  for (let i = first; i < e; ++i) {
    const hit =
        color(i - 2) == 1 && color(i - 1) == 1 && color(i) == 1 &&
        close(i) > close(i - 1) && close(i - 1) > close(i - 2) &&
        open(i - 1) > open(i - 2) && open(i - 1) <= close(i - 2) + averageOf(near2, i) &&
        open(i) > open(i - 1) && open(i) <= close(i - 1) + averageOf(near1, i) &&
        body(i - 2) > averageOf(bodyLong, i) &&
        upperShadow(i - 2) < averageOf(shadowShort2, i) &&
        ((body(i - 1) < body(i - 2) - averageOf(far2, i) &&
          body(i) < body(i - 1) + averageOf(near1, i)) ||
         body(i) < body(i - 1) - averageOf(far1, i) ||
         (body(i) < body(i - 1) && body(i - 1) < body(i - 2) &&
          (upperShadow(i) > averageOf(shadowShort0, i) ||
           upperShadow(i - 1) > averageOf(shadowShort1, i))) ||
         (body(i) < body(i - 1) && upperShadow(i) > averageOf(shadowLong0, i)));
    putAll<O>(c, i, b0, nb, hit ? -100.0 : 0.0);
    rollAll(10, i);
  }
}
