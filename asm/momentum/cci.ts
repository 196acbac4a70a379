// momentum.cci; mirrors native/momentum/cci.h.
import { at, BAD_PARAM, Call, input, OK, param, put, SCRATCH_TOO_SMALL } from "../abi";
import { keepLeadState, leadRun, maxParam, readLeadState, runFrom, runOrigin, startLeadBlock, zeroDenominator } from "../primitives";
import { mean } from "./common";

// TA-Lib CCI at bar t of the run starting at s, summing its circular buffer
// in slot order (see native/momentum/cci.h).
// flat: the value where the deviation is 0 (zero_denominator).
function cciAt(tp: usize, s: i32, t: i32, n: i32, flat: f64): f64 {
  const nd = <f64>n;
  const slot0 = t - (t - s) % n;
  let sum = 0.0;
  for (let i = slot0; i <= t; ++i) sum += at(tp, i);
  for (let i = t - n + 1; i < slot0; ++i) sum += at(tp, i);
  const mean = sum / nd;
  let dev = 0.0;
  for (let i = slot0; i <= t; ++i) dev += Math.abs(at(tp, i) - mean);
  for (let i = t - n + 1; i < slot0; ++i) dev += Math.abs(at(tp, i) - mean);
  const diff = at(tp, t) - mean;
  if (dev == 0.0) return flat;
  return diff != 0.0 ? diff / (0.015 * (dev / nd)) : 0.0;
}

export function scratch(T: i32): f64 { return <f64>T; }

// Kernel state per variant (kCciState in native/momentum/cci.h): [lead, age].
const CCI_STATE: i32 = 2;

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  if (!readLeadState(c, CCI_STATE, <i32>maxParam(c, 0) - 1)) return BAD_PARAM;
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const tp = c.scratch;
  for (let t = 0; t < c.T; ++t) store<f64>(tp + (<usize>t << 3), (at(high, t) + at(low, t) + at(close, t)) / 3.0);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void { startLeadBlock(c, CCI_STATE, b0, nb); }

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const tp = c.scratch;
  leadRun<O>(c, b0, nb, s, e);
  const origin = runOrigin;
  for (let t = runFrom; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const w = <i32>param(c, 0, b0 + j);
      put<O>(c, 0, t, b0 + j, t - origin >= w - 1 ? cciAt(tp, origin, t, w, zeroDenominator(c, 1, b0 + j, 0.0)) : NaN);
    }
  }
  if (c.stateOut != 0 && runFrom < e) for (let j = 0; j < nb; ++j) keepLeadState(c, CCI_STATE, b0 + j, e);
}
