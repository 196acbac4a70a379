// trend.keltner: lanes hold the middle EMA (STATE_A) and the ATR (STATE_B).
import { at, Call, input, OK, param, put, putNaNAll, SCRATCH_TOO_SMALL, setSlot, slot, STATE_A, STATE_B } from "../abi";
import { emaStep, seedsFirst, sumRange, trueRanges } from "../primitives";
import { atrAdvance } from "./common";

export function scratch(T: i32): f64 { return 2.0 * T; }

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  const T = c.T;
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const typical = c.scratch, tr = c.scratch + (<usize>T << 3);
  for (let t = 0; t < T; ++t) setSlot(typical, t, (at(high, t) + at(low, t) + at(close, t)) / 3.0);
  trueRanges(high, low, close, T, tr);
  return OK;
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const T = c.T;
  const typical = c.scratch, tr = c.scratch + (<usize>T << 3);
  for (let t = s; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const n = param(c, 0, v);
      const first = seedsFirst(c, 2, v);
      const w = first ? 1 : <i32>n;  // bars into the seeds
      if (t < s + w - 1) { putNaNAll<O>(c, t, v, 1); continue; }
      const middle = t == s + w - 1 ? sumRange(typical, s, w) / <f64>w : emaStep(slot(STATE_A, j), at(typical, t), 2.0 / (n + 1.0));
      setSlot(STATE_A, j, middle);
      put<O>(c, 0, t, v, middle);
      if (!first && t < s + w) { put<O>(c, 1, t, v, NaN); put<O>(c, 2, t, v, NaN); continue; }
      const atr = atrAdvance(STATE_B, j, tr, s, t, n, first, at(input(c, 0), s) - at(input(c, 1), s));
      const mult = param(c, 1, v);
      put<O>(c, 1, t, v, middle + mult * atr);
      put<O>(c, 2, t, v, middle - mult * atr);
    }
  }
}
