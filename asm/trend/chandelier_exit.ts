// trend.chandelier_exit: lanes hold the ATR (STATE_A) and their channel window
// (STATE_B, STATE_C); scratch: true range, then the channel.
import {
  at, BAD_PARAM, Call, input, OK, param, put, putNaNAll, SCRATCH_TOO_SMALL, slot, STATE_A, STATE_B,
  STATE_C,
} from "../abi";
import { buildRange, extremeAt, maxParam, rangeLows, rangeScratch, seedsFirst, trueRanges, windowsFit } from "../primitives";
import { atrAdvance, laneWindow } from "./common";

export function scratch(T: i32): f64 { return <f64>T + rangeScratch(T); }

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  const T = c.T;
  const tr = c.scratch, highs = c.scratch + (<usize>T << 3);
  trueRanges(input(c, 0), input(c, 1), input(c, 2), T, tr);
  buildRange(input(c, 0), input(c, 1), T, <i32>maxParam(c, 0), highs);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  const T = c.T;
  for (let j = 0; j < nb; ++j) laneWindow(STATE_B, STATE_C, j, T, <i32>param(c, 0, b0 + j));
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const T = c.T;
  const tr = c.scratch, highs = c.scratch + (<usize>T << 3);
  const lows = rangeLows(highs, T);
  for (let t = s; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const n = param(c, 0, v);
      const w = <i32>n;
      const first = seedsFirst(c, 2, v);
      let atr = first ? atrAdvance(STATE_A, j, tr, s, t, n, true, at(input(c, 0), s) - at(input(c, 1), s)) : 0.0;
      if (t < s + w - (first ? 1 : 0)) { putNaNAll<O>(c, t, v, 1); continue; }
      if (!first) atr = atrAdvance(STATE_A, j, tr, s, t, n);
      const band = param(c, 1, v) * atr;
      const offset = <usize>slot(STATE_B, j), back = <i32>slot(STATE_C, j);
      put<O>(c, 0, t, v, extremeAt(true, highs + offset, back, t) - band);
      put<O>(c, 1, t, v, extremeAt(false, lows + offset, back, t) + band);
    }
  }
}
