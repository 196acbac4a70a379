// pattern.three_line_strike; mirrors native/pattern/three_line_strike.h.
import { Call } from "../abi";
import { averageOf, bodyBottom, bodyTop, close, color, follow, NEAR, open, period, putAll, rollAll, startRun } from "./common";

const LOOKBACK = period(NEAR) + 3;

export function scratch(T: i32): f64 { return 0.0; }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  // nearD: the Near total judging bar i - D
  const near3 = follow(0, NEAR, first, 3);
  const near2 = follow(1, NEAR, first, 2);
  for (let i = first; i < e; ++i) {
    const hit = color(i - 3) == color(i - 2) && color(i - 2) == color(i - 1) && color(i) == -color(i - 1) &&
                open(i - 2) >= bodyBottom(i - 3) - averageOf(near3, i) &&
                open(i - 2) <= bodyTop(i - 3) + averageOf(near3, i) &&
                open(i - 1) >= bodyBottom(i - 2) - averageOf(near2, i) &&
                open(i - 1) <= bodyTop(i - 2) + averageOf(near2, i) &&
                ((color(i - 1) == 1 && close(i - 1) > close(i - 2) && close(i - 2) > close(i - 3) &&
                  open(i) > close(i - 1) && close(i) < open(i - 3)) ||
                 (color(i - 1) == -1 && close(i - 1) < close(i - 2) && close(i - 2) < close(i - 3) &&
                  open(i) < close(i - 1) && close(i) > open(i - 3)));
    putAll<O>(c, i, b0, nb, hit ? color(i - 1) * 100.0 : 0.0);
    rollAll(2, i);
  }
}
