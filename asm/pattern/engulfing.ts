// pattern.engulfing; mirrors native/pattern/engulfing.h.
import { Call } from "../abi";
import { close, color, open, prepareState, putAll, startRun } from "./common";

const LOOKBACK = 2;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  for (let i = first; i < e; ++i) {
    const hit = (color(i) == 1 && color(i - 1) == -1 &&
                 ((close(i) >= open(i - 1) && open(i) < close(i - 1)) ||
                  (close(i) > open(i - 1) && open(i) <= close(i - 1)))) ||
                (color(i) == -1 && color(i - 1) == 1 &&
                 ((open(i) >= close(i - 1) && close(i) < open(i - 1)) ||
                  (open(i) > close(i - 1) && close(i) <= open(i - 1))));
    const strict = open(i) != close(i - 1) && close(i) != open(i - 1);
    putAll<O>(c, i, b0, nb, hit ? color(i) * (strict ? 100.0 : 80.0) : 0.0);
  }
}
