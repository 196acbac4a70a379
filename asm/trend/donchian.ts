// trend.donchian: lanes hold their window (laneWindow) in STATE_A, STATE_B.
import { BAD_PARAM, Call, input, OK, param, put, putNaNAll, SCRATCH_TOO_SMALL, slot, STATE_A, STATE_B } from "../abi";
import { buildRange, extremeAt, maxParam, rangeLows, rangeScratch, windowsFit } from "../primitives";
import { laneWindow } from "./common";

export function scratch(T: i32): f64 { return rangeScratch(T); }

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  const T = c.T;
  const highs = c.scratch;
  buildRange(input(c, 0), input(c, 1), T, <i32>maxParam(c, 0), highs);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  const T = c.T;
  for (let j = 0; j < nb; ++j) laneWindow(STATE_A, STATE_B, j, T, <i32>param(c, 0, b0 + j));
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const T = c.T;
  const highs = c.scratch;
  const lows = rangeLows(highs, T);
  for (let t = s; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const w = <i32>param(c, 0, v);
      if (t - s < w - 1) { putNaNAll<O>(c, t, v, 1); continue; }
      const offset = <usize>slot(STATE_A, j), back = <i32>slot(STATE_B, j);
      const upper = extremeAt(true, highs + offset, back, t), lower = extremeAt(false, lows + offset, back, t);
      put<O>(c, 0, t, v, upper);
      put<O>(c, 1, t, v, lower);
      put<O>(c, 2, t, v, (upper + lower) / 2.0);
    }
  }
}
