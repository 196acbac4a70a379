// pattern.three_white_soldiers; mirrors native/pattern/three_white_soldiers.h.
import { Call } from "../abi";
import { averageOf, body, BODY_SHORT, close, color, FAR, follow, NEAR, open, period, putAll, rollAll, SHADOW_VERY_SHORT, startRun, upperShadow } from "./common";

const LOOKBACK = max(max(period(SHADOW_VERY_SHORT), period(BODY_SHORT)), max(period(FAR), period(NEAR))) + 2;

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  const shortShadow2 = follow(0, SHADOW_VERY_SHORT, first, 2);
  const shortShadow1 = follow(1, SHADOW_VERY_SHORT, first, 1);
  const shortShadow0 = follow(2, SHADOW_VERY_SHORT, first);
  const near2 = follow(3, NEAR, first, 2);
  const near1 = follow(4, NEAR, first, 1);
  const far2 = follow(5, FAR, first, 2);
  const far1 = follow(6, FAR, first, 1);
  const bodyShort = follow(7, BODY_SHORT, first);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 2) == 1 && upperShadow(i - 2) < averageOf(shortShadow2, i) &&
                color(i - 1) == 1 && upperShadow(i - 1) < averageOf(shortShadow1, i) &&
                color(i) == 1 && upperShadow(i) < averageOf(shortShadow0, i) &&
                close(i) > close(i - 1) && close(i - 1) > close(i - 2) &&
                open(i - 1) > open(i - 2) && open(i - 1) <= close(i - 2) + averageOf(near2, i) &&
                open(i) > open(i - 1) && open(i) <= close(i - 1) + averageOf(near1, i) &&
                body(i - 1) > body(i - 2) - averageOf(far2, i) &&
                body(i) > body(i - 1) - averageOf(far1, i) &&
                body(i) > averageOf(bodyShort, i);
    putAll<O>(c, i, b0, nb, hit ? 100.0 : 0.0);
    rollAll(8, i);
  }
}
