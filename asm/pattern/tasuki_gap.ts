// pattern.tasuki_gap; mirrors native/pattern/tasuki_gap.h.
import { Call } from "../abi";
import { average, body, bodyBottom, bodyGapDown, bodyGapUp, bodyTop, close, color, keepTotal, NEAR, open, period, prepareState, putAll, roll, startRun, trailing } from "./common";

const LOOKBACK = period(NEAR) + 2;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  let near = trailing(NEAR, first, 1);
  for (let i = first; i < e; ++i) {
    const sameSize = Math.abs(body(i - 1) - body(i)) < average(NEAR, near, i - 1);
    const up = bodyGapUp(i - 1, i - 2) && color(i - 1) == 1 && color(i) == -1 &&
               open(i) < close(i - 1) && open(i) > open(i - 1) && close(i) < open(i - 1) &&
               close(i) > bodyTop(i - 2) && sameSize;
    const down = bodyGapDown(i - 1, i - 2) && color(i - 1) == -1 && color(i) == 1 &&
                 open(i) < open(i - 1) && open(i) > close(i - 1) && close(i) > open(i - 1) &&
                 close(i) < bodyBottom(i - 2) && sameSize;
    putAll<O>(c, i, b0, nb, up || down ? <f64>(color(i - 1) * 100) : 0.0);
    near = roll(NEAR, near, i - 1);
  }
  keepTotal(NEAR, 1, near);
}
