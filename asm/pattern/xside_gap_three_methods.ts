// pattern.xside_gap_three_methods; mirrors native/pattern/xside_gap_three_methods.h.
import { Call } from "../abi";
import { bodyBottom, bodyGapDown, bodyGapUp, bodyTop, close, color, open, prepareState, putAll, startRun } from "./common";

const LOOKBACK = 2;

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const first = startRun<O>(c, b0, nb, s, e, LOOKBACK);
  if (first == e) return;
  for (let i = first; i < e; ++i) {
    const hit = color(i - 2) == color(i - 1) && color(i - 1) == -color(i) &&
                open(i) < bodyTop(i - 1) && open(i) > bodyBottom(i - 1) &&
                close(i) < bodyTop(i - 2) && close(i) > bodyBottom(i - 2) &&
                ((color(i - 2) == 1 && bodyGapUp(i - 1, i - 2)) ||
                 (color(i - 2) == -1 && bodyGapDown(i - 1, i - 2)));
    putAll<O>(c, i, b0, nb, hit ? <f64>(color(i - 2) * 100) : 0.0);
  }
}
