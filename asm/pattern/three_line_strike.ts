// pattern.three_line_strike; mirrors native/pattern/three_line_strike.h.
import { Call } from "../abi";
import { average, bodyBottom, bodyTop, close, color, keepTotal, NEAR, open, period, prepareState, putAll, roll, startRun, trailing } from "./common";

const LOOKBACK = period(NEAR) + 3;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  // nearD: the Near total judging bar i - D
  let near3 = trailing(NEAR, first, 3);
  let near2 = trailing(NEAR, first, 2);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 3) == color(i - 2) && color(i - 2) == color(i - 1) && color(i) == -color(i - 1) &&
                open(i - 2) >= bodyBottom(i - 3) - average(NEAR, near3, i - 3) &&
                open(i - 2) <= bodyTop(i - 3) + average(NEAR, near3, i - 3) &&
                open(i - 1) >= bodyBottom(i - 2) - average(NEAR, near2, i - 2) &&
                open(i - 1) <= bodyTop(i - 2) + average(NEAR, near2, i - 2) &&
                ((color(i - 1) == 1 && close(i - 1) > close(i - 2) && close(i - 2) > close(i - 3) &&
                  open(i) > close(i - 1) && close(i) < open(i - 3)) ||
                 (color(i - 1) == -1 && close(i - 1) < close(i - 2) && close(i - 2) < close(i - 3) &&
                  open(i) < close(i - 1) && close(i) > open(i - 3)));
    putAll<O>(c, i, b0, nb, hit ? color(i - 1) * 100.0 : 0.0);
    near3 = roll(NEAR, near3, i - 3);
    near2 = roll(NEAR, near2, i - 2);
  }
  keepTotal(NEAR, 3, near3);
  keepTotal(NEAR, 2, near2);
}
