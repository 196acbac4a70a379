// trend.donchian: lanes hold their window (laneWindow) in STATE_A, STATE_B.
import {
  BAD_PARAM, BLOCK, Call, input, OK, param, put, putNaNAll, SCRATCH_TOO_SMALL, slot, STATE_A,
  STATE_B,
} from "../abi";
import {
  buildRange, extremeAt, maxParam, rangeLows, rangeScratch, segmentEnd, skipGaps, windowsFit,
} from "../primitives";
import { laneWindow } from "./common";

export function scratch(T: i32): f64 { return rangeScratch(T); }

export function run<O>(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  const T = c.T;
  const highs = c.scratch;
  buildRange(input(c, 0), input(c, 1), T, <i32>maxParam(c, 0), highs);
  const lows = rangeLows(highs, T);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let j = 0; j < nb; ++j) laneWindow(STATE_A, STATE_B, j, T, <i32>param(c, 0, b0 + j));
    let t = 0;
    while ((t = skipGaps<O>(c, 2, t, b0, nb)) < T) {
      const s = t, e = segmentEnd(c, 2, t);
      for (t = s; t < e; ++t) {
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
  }
  return OK;
}
