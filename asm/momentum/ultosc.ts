// momentum.ultosc; mirrors native/momentum/ultosc.h.
import { at, BAD_PARAM, Call, input, OK, param, put, SCRATCH_TOO_SMALL, setSlot, slot } from "../abi";
import {
  compensatedAdd, keepLeadState, leadRun, leadStateAt, maxParam, nearZero, readLeadState, runFrom, runGoesOn, runOrigin, startLeadBlock, trueRange,
} from "../primitives";
import { lane, placeState, STATE_DOUBLES } from "./common";

export function scratch(T: i32): f64 { return 2.0 * <f64>T + STATE_DOUBLES; }

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  placeState(c);
  if (!readLeadState(c, ULTOSC_STATE, max(<i32>max(maxParam(c, 0), max(maxParam(c, 1), maxParam(c, 2))), 1))) return BAD_PARAM;
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const bp = c.scratch, tr = c.scratch + (<usize>c.T << 3);
  for (let t = 1; t < c.T; ++t) {
    const l = at(low, t), pc = at(close, t - 1);
    store<f64>(bp + (<usize>t << 3), at(close, t) - (l < pc ? l : pc));
    store<f64>(tr + (<usize>t << 3), trueRange(at(high, t), l, pc));
  }
  // Lanes 0..2: the windows sorted (min, middle, max); 3..5: buying-pressure
  // sums; 6..8: true-range sums; 9..14: their rounding errors (compensatedAdd).
  return OK;
}

// Kernel state per variant (kUltoscState in native/momentum/ultosc.h): [lead, age, per window (bp sum, error, tr sum, error)].
const ULTOSC_STATE: i32 = 14;

export function block<O>(c: Call, b0: i32, nb: i32): void {
  for (let j = 0; j < nb; ++j) {
    const w0 = param(c, 0, b0 + j), w1 = param(c, 1, b0 + j), w2 = param(c, 2, b0 + j);
    const lo = min(w0, min(w1, w2)), hi = max(w0, max(w1, w2));
    setSlot(lane(0), j, lo);
    setSlot(lane(1), j, w0 + w1 + w2 - lo - hi);
    setSlot(lane(2), j, hi);
  }
  startLeadBlock(c, ULTOSC_STATE, b0, nb);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const bp = c.scratch, tr = c.scratch + (<usize>c.T << 3);
  leadRun<O>(c, b0, nb, s, e);
  const origin = runOrigin, t0 = runFrom, goesOn = runGoesOn;
  if (t0 == e) return;
  // Lanes 3..5 and 9..11: the buying-pressure sums and errors; 6..8 and 12..14: the true range's.
  for (let q = 0; q < 3; ++q) {
    for (let j = 0; j < nb; ++j) {
      const from = goesOn ? leadStateAt(c.stateIn, ULTOSC_STATE, b0 + j) + (<usize>(2 + 4 * q) << 3) : 0;
      setSlot(lane(3 + q), j, goesOn ? load<f64>(from) : 0.0);
      setSlot(lane(9 + q), j, goesOn ? load<f64>(from, 8) : 0.0);
      setSlot(lane(6 + q), j, goesOn ? load<f64>(from, 16) : 0.0);
      setSlot(lane(12 + q), j, goesOn ? load<f64>(from, 24) : 0.0);
    }
  }
  for (let t = t0; t < e; ++t) {
    const bpt = at(bp, t), trt = at(tr, t);
    for (let j = 0; j < nb; ++j) {
      const first = origin + <i32>slot(lane(2), j);
      for (let q = 0; q < 3; ++q) {
        if (t > first - <i32>slot(lane(q), j)) {
          compensatedAdd(lane(3 + q) + (<usize>j << 3), lane(9 + q) + (<usize>j << 3), bpt);
          compensatedAdd(lane(6 + q) + (<usize>j << 3), lane(12 + q) + (<usize>j << 3), trt);
        }
      }
      let v = NaN;
      if (t >= first) {
        const a0 = slot(lane(3), j) + slot(lane(9), j), a1 = slot(lane(4), j) + slot(lane(10), j), a2 = slot(lane(5), j) + slot(lane(11), j);
        const r0 = slot(lane(6), j) + slot(lane(12), j), r1 = slot(lane(7), j) + slot(lane(13), j), r2 = slot(lane(8), j) + slot(lane(14), j);
        let sum = 0.0;
        if (!nearZero(r0)) sum += 4.0 * (a0 / r0);
        if (!nearZero(r1)) sum += 2.0 * (a1 / r1);
        if (!nearZero(r2)) sum += a2 / r2;
        v = 100.0 * (sum / 7.0);
        for (let q = 0; q < 3; ++q) {
          const oldest = t - <i32>slot(lane(q), j) + 1;
          compensatedAdd(lane(3 + q) + (<usize>j << 3), lane(9 + q) + (<usize>j << 3), -at(bp, oldest));
          compensatedAdd(lane(6 + q) + (<usize>j << 3), lane(12 + q) + (<usize>j << 3), -at(tr, oldest));
        }
      }
      put<O>(c, 0, t, b0 + j, v);
    }
  }
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = keepLeadState(c, ULTOSC_STATE, b0 + j, e);
    for (let q = 0; q < 3; ++q) {
      const at4 = to + (<usize>(2 + 4 * q) << 3);
      store<f64>(at4, slot(lane(3 + q), j));
      store<f64>(at4, slot(lane(9 + q), j), 8);
      store<f64>(at4, slot(lane(6 + q), j), 16);
      store<f64>(at4, slot(lane(12 + q), j), 24);
    }
  }
}
