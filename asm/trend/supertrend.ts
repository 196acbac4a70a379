// trend.supertrend: lanes hold ATR, upper and lower band, and up (1 or 0) in STATE_A..D.
import {
  at, Call, input, OK, param, put, putNaNAll, SCRATCH_TOO_SMALL, setSlot, slot, STATE_A, STATE_B,
  STATE_C, STATE_D,
} from "../abi";
import { seedsFirst, trueRanges } from "../primitives";
import { atrAdvance } from "./common";

export function scratch(T: i32): f64 { return <f64>T; }

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  const T = c.T;
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const tr = c.scratch;
  trueRanges(high, low, close, T, tr);
  return OK;
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const tr = c.scratch;
  for (let t = s; t < e; ++t) {
    const mid = (at(high, t) + at(low, t)) / 2.0;
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const n = param(c, 0, v);
      const seedFirst = seedsFirst(c, 2, v);
      const first = seedFirst ? s : s + <i32>n;
      if (t < first) { putNaNAll<O>(c, t, v, 1); continue; }
      const atr = atrAdvance(STATE_A, j, tr, s, t, n, seedFirst, at(high, s) - at(low, s));
      const mult = param(c, 1, v);
      const basicUpper = mid + mult * atr, basicLower = mid - mult * atr;
      let upper = basicUpper, lower = basicLower, up = false;
      if (t > first) {
        const prevClose = at(close, t - 1);
        upper = slot(STATE_B, j);
        lower = slot(STATE_C, j);
        if (basicLower > lower || prevClose < lower) lower = basicLower;
        if (basicUpper < upper || prevClose > upper) upper = basicUpper;
        up = slot(STATE_D, j) != 0.0 ? !(at(close, t) < lower) : at(close, t) > upper;
      }
      setSlot(STATE_B, j, upper);
      setSlot(STATE_C, j, lower);
      setSlot(STATE_D, j, up ? 1.0 : 0.0);
      put<O>(c, 0, t, v, up ? lower : upper);
      put<O>(c, 1, t, v, up ? 1.0 : -1.0);
    }
  }
}
