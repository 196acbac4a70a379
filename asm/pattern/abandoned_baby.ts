// pattern.abandoned_baby; mirrors native/pattern/abandoned_baby.h.
import { Call, param, put } from "../abi";
import { averageOf, body, BODY_DOJI, BODY_LONG, BODY_SHORT, close, color, follow, gapDown, gapUp, period, rollAll, startRun } from "./common";

const LOOKBACK = max(max(period(BODY_DOJI), period(BODY_LONG)), period(BODY_SHORT)) + 2;

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  // Bar by bar over the block (output tiles move forward only, asm/abi.ts);
  // the totals do not depend on the penetration.
  const bodyLong = follow(0, BODY_LONG, first, 2);
  const bodyDoji = follow(1, BODY_DOJI, first, 1);
  const bodyShort = follow(2, BODY_SHORT, first);
  for (let i = first; i < e; ++i) {
    const shape = body(i - 2) > averageOf(bodyLong, i) &&
                  body(i - 1) <= averageOf(bodyDoji, i) &&
                  body(i) > averageOf(bodyShort, i);
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const penetration = param(c, 0, v);
      const hit = shape &&
                  ((color(i - 2) == 1 && color(i) == -1 &&
                    close(i) < close(i - 2) - body(i - 2) * penetration &&
                    gapUp(i - 1, i - 2) && gapDown(i, i - 1)) ||
                   (color(i - 2) == -1 && color(i) == 1 &&
                    close(i) > close(i - 2) + body(i - 2) * penetration &&
                    gapDown(i - 1, i - 2) && gapUp(i, i - 1)));
      put<O>(c, 0, i, v, hit ? color(i) * 100.0 : 0.0);
    }
    rollAll(3, i);
  }
}
