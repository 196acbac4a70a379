// pattern.dark_cloud_cover; mirrors native/pattern/dark_cloud_cover.h.
import { Call, param, put } from "../abi";
import { average, body, BODY_LONG, close, color, high, keepTotal, open, period, prepareState, roll, startRun, trailing } from "./common";

const LOOKBACK = period(BODY_LONG) + 1;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  // Bar by bar over the block (output tiles move forward only, asm/abi.ts);
  // the total does not depend on the penetration.
  let bodyLong = trailing(BODY_LONG, first, 1);
  for (let i = first; i < e; ++i) {
    const shape = color(i - 1) == 1 && body(i - 1) > average(BODY_LONG, bodyLong, i - 1) &&
                  color(i) == -1 && open(i) > high(i - 1) && close(i) > open(i - 1);
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const hit = shape && close(i) < close(i - 1) - body(i - 1) * param(c, 0, v);
      put<O>(c, 0, i, v, hit ? -100.0 : 0.0);
    }
    bodyLong = roll(BODY_LONG, bodyLong, i - 1);
  }
  keepTotal(BODY_LONG, 1, bodyLong);
}
