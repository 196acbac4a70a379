// cycle.ht_dcphase; mirrors native/cycle/ht_dcphase.h.
import { Call, input, put } from "../abi";
import { dcPhase, JOINED, keepState, origin, prepareState, split, startSegment, step, updatePhase } from "./common";

export function scratch(T: i32): f64 { return 0.0; }

export function prepare(c: Call): i32 { return prepareState(c, 0); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const x = input(c, 0);
  const first = startSegment<O>(c, b0, nb, s, e, 34, 63, 0), o = origin, from = split;
  for (let t = first; t < e; ++t) {
    const px = t < from ? JOINED : x;  // the prices before bar 0 are the state's
    step(px, t, ((t - o) & 1) == 0);
    updatePhase();
    const value = t - o >= 63 ? dcPhase : NaN;
    for (let j = 0; j < nb; ++j) put<O>(c, 0, t, b0 + j, value);
  }
  keepState(c, b0, nb, e, 0);
}
