// momentum.williams_r; mirrors native/momentum/williams_r.h.
import { at, BAD_PARAM, Call, input, OK, param, put, SCRATCH_TOO_SMALL } from "../abi";
import { buildRange, callWindow, rangeLows, rangeScratch, windowsFit, zeroDenominator } from "../primitives";
import { highest, lowest, placeState, setWindow, STATE_DOUBLES } from "./common";

export function scratch(T: i32): f64 { return rangeScratch(T) + STATE_DOUBLES; }

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  placeState(c);
  if (!windowsFit(c, 0)) return BAD_PARAM;
  buildRange(input(c, 0), input(c, 1), c.T, callWindow(c, 0), c.scratch);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  const highs = c.scratch, lows = rangeLows(c.scratch, c.T);
  for (let j = 0; j < nb; ++j) setWindow(j, <i32>param(c, 0, b0 + j), highs, lows, c.T);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const close = input(c, 2);
  for (let t = s; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const w = <i32>param(c, 0, b0 + j);
      let v = NaN;
      if (t - s >= w - 1) {
        const hh = highest(j, t);
        const diff = (hh - lowest(j, t)) / -100.0;
        v = diff != 0.0 ? (hh - at(close, t)) / diff : zeroDenominator(c, 1, b0 + j, 0.0);
      }
      put<O>(c, 0, t, b0 + j, v);
    }
  }
}
