// trend.aroon: lanes hold their window (laneWindow) in STATE_A, STATE_B.
import { BAD_PARAM, Call, input, MAX_WINDOW, OK, param, put, putNaNAll, SCRATCH_TOO_SMALL, slot, STATE_A, STATE_B } from "../abi";
import {
  argExtremeAt, buildArgExtremes, extremeLevels, extremeScratch, maxParam, windowCapacity,
  windowsFit,
} from "../primitives";
import { laneWindow } from "./common";

export function scratch(T: i32): f64 { return 2.0 * extremeScratch(T); }

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  const T = c.T;
  const high = input(c, 0), low = input(c, 1);
  const levels = extremeLevels(min(<i32>maxParam(c, 0) + 1, windowCapacity(T, MAX_WINDOW)));
  const highest = c.scratch, lowest = c.scratch + (<usize>extremeScratch(T) << 3);
  buildArgExtremes(true, high, T, levels, highest);
  buildArgExtremes(false, low, T, levels, lowest);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  const T = c.T;
  for (let j = 0; j < nb; ++j) laneWindow(STATE_A, STATE_B, j, T, <i32>param(c, 0, b0 + j) + 1);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const T = c.T;
  const high = input(c, 0), low = input(c, 1);
  const highest = c.scratch, lowest = c.scratch + (<usize>extremeScratch(T) << 3);
  for (let t = s; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const n = param(c, 0, v);
      if (t - s < <i32>n) { putNaNAll<O>(c, t, v, 1); continue; }
      const offset = <usize>slot(STATE_A, j), back = <i32>slot(STATE_B, j);
      const hi = argExtremeAt(true, high, highest + offset, back, t);
      const lo = argExtremeAt(false, low, lowest + offset, back, t);
      const factor = 100.0 / n;
      put<O>(c, 0, t, v, factor * (n - <f64>(t - hi)));
      put<O>(c, 1, t, v, factor * (n - <f64>(t - lo)));
      put<O>(c, 2, t, v, factor * <f64>(hi - lo));
    }
  }
}
