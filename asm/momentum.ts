// Momentum oscillators; mirrors native/momentum.h.
import { BLOCK, Call, OK, SCRATCH_TOO_SMALL, STATE_A, STATE_B, STATE_C, at, input, param, put, putNaNAll, setSlot, slot } from "./abi";
import { nearZero, segmentEnd, sumRange, validAt, wilderStep } from "./primitives";

export function rsiScratch(T: i32): f64 { return 2.0 * T; }

@inline function rsiValue(gain: f64, loss: f64): f64 {
  const sum = gain + loss;
  return nearZero(sum) ? 0.0 : 100.0 * (gain / sum);
}

export function rsi<O>(c: Call): i32 {
  if (<f64>c.scratchLen < rsiScratch(c.T)) return SCRATCH_TOO_SMALL;
  const x = input(c, 0);
  const gain = c.scratch, loss = c.scratch + (<usize>c.T << 3);
  for (let t = 1; t < c.T; ++t) {
    const d = at(x, t) - at(x, t - 1);
    store<f64>(gain + (<usize>t << 3), d > 0.0 ? d : 0.0);
    store<f64>(loss + (<usize>t << 3), d < 0.0 ? -d : 0.0);
  }
  const avgGain = STATE_A, avgLoss = STATE_B, seedAt = STATE_C;
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while (t < c.T) {
      if (!validAt(c, 1, t)) { putNaNAll<O>(c, t, b0, nb); ++t; continue; }
      const s = t, e = segmentEnd(c, 1, t);
      for (let j = 0; j < nb; ++j) {
        const n = param(c, 0, b0 + j);
        const sa = <f64>s + n;
        setSlot(seedAt, j, sa);
        const seeded = sa < <f64>e;
        setSlot(avgGain, j, seeded ? sumRange(gain, s + 1, <i32>n) / n : NaN);
        setSlot(avgLoss, j, seeded ? sumRange(loss, s + 1, <i32>n) / n : NaN);
      }
      for (t = s; t < e; ++t) {
        const tf = <f64>t;
        for (let j = 0; j < nb; ++j) {
          const sa = slot(seedAt, j);
          if (tf > sa) {
            const n = param(c, 0, b0 + j);
            setSlot(avgGain, j, wilderStep(slot(avgGain, j), at(gain, t), n));
            setSlot(avgLoss, j, wilderStep(slot(avgLoss, j), at(loss, t), n));
          }
          put<O>(c, 0, t, b0 + j, tf >= sa ? rsiValue(slot(avgGain, j), slot(avgLoss, j)) : NaN);
        }
      }
    }
  }
  return OK;
}

export const MOMENTUM_TABLE = "momentum.rsi:1:1:1";

export function momentumScratch(k: i32, T: i32): f64 {
  switch (k) {
    case 0: return rsiScratch(T);
  }
  return -1.0;
}

export function momentumRun<O>(k: i32, c: Call): i32 {
  switch (k) {
    case 0: return rsi<O>(c);
  }
  return -1;
}
