// pattern.three_outside; mirrors native/pattern/three_outside.h.
import { Call } from "../abi";
import { close, color, open, prepareState, putAll, startRun } from "./common";

const LOOKBACK = 3;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  for (let i = first; i < e; ++i) {
    const hit = (color(i - 1) == 1 && color(i - 2) == -1 && close(i - 1) > open(i - 2) &&
                 open(i - 1) < close(i - 2) && close(i) > close(i - 1)) ||
                (color(i - 1) == -1 && color(i - 2) == 1 && open(i - 1) > close(i - 2) &&
                 close(i - 1) < open(i - 2) && close(i) < close(i - 1));
    putAll<O>(c, i, b0, nb, hit ? color(i - 1) * 100.0 : 0.0);
  }
}
