// Moving averages; mirrors native/ma.h.
import { BLOCK, Call, OK, SCRATCH_TOO_SMALL, STATE_A, STATE_B, STATE_C, at, input, param, put, putNaNAll, setSlot, slot } from "./abi";
import { emaStep, prefixSums, segmentEnd, sumRange, validAt } from "./primitives";

export function smaScratch(T: i32): f64 { return 2.0 * T + 1.0; }

export function sma<O>(c: Call): i32 {
  if (<f64>c.scratchLen < smaScratch(c.T)) return SCRATCH_TOO_SMALL;
  const prefix = c.scratch;
  const lastGap = c.scratch + (<usize>(c.T + 1) << 3);
  prefixSums(input(c, 0), c.T, prefix, lastGap);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let t = 0; t < c.T; ++t) {
      const age = <f64>t - at(lastGap, t);
      const head = at(prefix, t + 1);
      for (let j = 0; j < nb; ++j) {
        const w = param(c, 0, b0 + j);
        const v = age >= w ? (head - at(prefix, t + 1 - <i32>w)) / w : NaN;
        put<O>(c, 0, t, b0 + j, v);
      }
    }
  }
  return OK;
}

export function emaScratch(T: i32): f64 { return 0.0; }

export function ema<O>(c: Call): i32 {
  const x = input(c, 0);
  const state = STATE_A, k = STATE_B, seedAt = STATE_C;
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while (t < c.T) {
      if (!validAt(c, 1, t)) { putNaNAll<O>(c, t, b0, nb); ++t; continue; }
      const s = t, e = segmentEnd(c, 1, t);
      for (let j = 0; j < nb; ++j) {
        const n = param(c, 0, b0 + j);
        setSlot(k, j, 2.0 / (n + 1.0));
        setSlot(seedAt, j, <f64>s + n - 1.0);
        setSlot(state, j, <f64>s + n - 1.0 < <f64>e ? sumRange(x, s, <i32>n) / n : NaN);
      }
      for (t = s; t < e; ++t) {
        const xt = at(x, t);
        const tf = <f64>t;
        for (let j = 0; j < nb; ++j) {
          const sa = slot(seedAt, j);
          if (tf > sa) setSlot(state, j, emaStep(slot(state, j), xt, slot(k, j)));
          put<O>(c, 0, t, b0 + j, tf >= sa ? slot(state, j) : NaN);
        }
      }
    }
  }
  return OK;
}

export const MA_TABLE = "ma.sma:1:1:1,ma.ema:1:1:1";

export function maScratch(k: i32, T: i32): f64 {
  switch (k) {
    case 0: return smaScratch(T);
    case 1: return emaScratch(T);
  }
  return -1.0;
}

export function maRun<O>(k: i32, c: Call): i32 {
  switch (k) {
    case 0: return sma<O>(c);
    case 1: return ema<O>(c);
  }
  return -1;
}
