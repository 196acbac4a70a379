// pattern.abandoned_baby; mirrors native/pattern/abandoned_baby.h.
import { Call, param, put } from "../abi";
import { average, body, BODY_DOJI, BODY_LONG, BODY_SHORT, close, color, gapDown, gapUp, keepTotal, period, prepareState, roll, startRun, trailing } from "./common";

const LOOKBACK = max(max(period(BODY_DOJI), period(BODY_LONG)), period(BODY_SHORT)) + 2;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  // Bar by bar over the block (output tiles move forward only, asm/abi.ts);
  // the totals do not depend on the penetration.
  let bodyLong = trailing(BODY_LONG, first, 2);
  let bodyDoji = trailing(BODY_DOJI, first, 1);
  let bodyShort = trailing(BODY_SHORT, first, 0);
  for (let i = first; i < e; ++i) {
    const shape = body(i - 2) > average(BODY_LONG, bodyLong, i - 2) &&
                  body(i - 1) <= average(BODY_DOJI, bodyDoji, i - 1) &&
                  body(i) > average(BODY_SHORT, bodyShort, i);
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
    bodyLong = roll(BODY_LONG, bodyLong, i - 2);
    bodyDoji = roll(BODY_DOJI, bodyDoji, i - 1);
    bodyShort = roll(BODY_SHORT, bodyShort, i);
  }
  keepTotal(BODY_LONG, 2, bodyLong);
  keepTotal(BODY_DOJI, 1, bodyDoji);
  keepTotal(BODY_SHORT, 0, bodyShort);
}
