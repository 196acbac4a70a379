// Volatility measures; mirrors native/volatility.h.
import { BLOCK, Call, OK, SCRATCH_TOO_SMALL, STATE_A, STATE_C, at, input, param, put, putNaNAll, setSlot, slot } from "./abi";
import { segmentEnd, sumRange, trueRange, validAt, wilderStep } from "./primitives";

export function atrScratch(T: i32): f64 { return <f64>T; }

export function atr<O>(c: Call): i32 {
  if (<f64>c.scratchLen < atrScratch(c.T)) return SCRATCH_TOO_SMALL;
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const tr = c.scratch;
  for (let t = 1; t < c.T; ++t)
    store<f64>(tr + (<usize>t << 3), trueRange(at(high, t), at(low, t), at(close, t - 1)));
  const state = STATE_A, seedAt = STATE_C;
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while (t < c.T) {
      if (!validAt(c, 3, t)) { putNaNAll<O>(c, t, b0, nb); ++t; continue; }
      const s = t, e = segmentEnd(c, 3, t);
      for (let j = 0; j < nb; ++j) {
        const n = param(c, 0, b0 + j);
        const sa = <f64>s + n;
        setSlot(seedAt, j, sa);
        setSlot(state, j, sa < <f64>e ? sumRange(tr, s + 1, <i32>n) / n : NaN);
      }
      for (t = s; t < e; ++t) {
        const tf = <f64>t;
        for (let j = 0; j < nb; ++j) {
          const sa = slot(seedAt, j);
          if (tf > sa) setSlot(state, j, wilderStep(slot(state, j), at(tr, t), param(c, 0, b0 + j)));
          put<O>(c, 0, t, b0 + j, tf >= sa ? slot(state, j) : NaN);
        }
      }
    }
  }
  return OK;
}

export const VOLATILITY_TABLE = "volatility.atr:3:1:1";

export function volatilityScratch(k: i32, T: i32): f64 {
  switch (k) {
    case 0: return atrScratch(T);
  }
  return -1.0;
}

export function volatilityRun<O>(k: i32, c: Call): i32 {
  switch (k) {
    case 0: return atr<O>(c);
  }
  return -1;
}
