// ma.trima; mirrors native/ma/trima.h, kernel state included.
import { at, BAD_PARAM, Call, param, putRow, ROW, setSlot, slot, STATE_A, STATE_B } from "../abi";
import { compensatedAdd, prefixWindowSum } from "../primitives";
import { prepareSourcePrefix, sourceLastGap, sourcePrefix, sourcePrefixScratch } from "./common";

export function scratch(T: i32, W: i32): f64 { return sourcePrefixScratch(T, max(W, 1)); }

@inline function trimaInner(n: i32): i32 { return n % 2 ? (n + 1) / 2 : n / 2; }

// Kernel state (kStateStride in native/ma/trima.h): per variant
// STATE_STRIDE numbers, the outer sum and its rounding error; the source's
// part once per run (Call.runStateIn): ma.sma's prefix state.
const STATE_STRIDE: i32 = 2;
let withState = false;

export function prepare(c: Call): i32 {
  withState = false;
  if (c.stateIn == 0 && c.stateOut == 0) return prepareSourcePrefix(c);
  if (c.stateIn == 0 || c.stateLen < STATE_STRIDE * c.v1 || c.runStateIn == 0) return BAD_PARAM;
  withState = true;
  // The prefix continues the run's state and leaves its own in runStateOut.
  const stateIn = c.stateIn, stateOut = c.stateOut, stateLen = c.stateLen;
  c.stateIn = c.runStateIn;
  c.stateOut = c.runStateOut;
  c.stateLen = c.runStateLen;
  const status = prepareSourcePrefix(c);
  c.stateIn = stateIn;
  c.stateOut = stateOut;
  c.stateLen = stateLen;
  return status;
}

@inline function partAt(area: usize, v: i32): usize { return area + (<usize>(STATE_STRIDE * v) << 3); }

export function block<O>(c: Call, b0: i32, nb: i32): void {
  const prefix = sourcePrefix(c), lastGap = sourceLastGap(c);
  const sum = STATE_A, err = STATE_B;  // the outer sum and its rounding errors (compensatedAdd)
  if (withState) {
    for (let j = 0; j < nb; ++j) {
      const from = partAt(c.stateIn, b0 + j);
      setSlot(sum, j, load<f64>(from));
      setSlot(err, j, load<f64>(from, 8));
    }
  }
  for (let t = 0; t < c.T; ++t) {
    const age = t - <i32>at(lastGap, t);
    for (let j = 0; j < nb; ++j) {
      const n = <i32>param(c, 0, b0 + j);
      const a = trimaInner(n), b = n + 1 - a;
      if (age < a) { store<f64>(ROW + (<usize>j << 3), NaN); continue; }
      const mean = prefixWindowSum(prefix, t, a) / <f64>a;
      const s = sum + (<usize>j << 3), e = err + (<usize>j << 3);
      if (age == a) { setSlot(sum, j, 0.0); setSlot(err, j, 0.0); }
      compensatedAdd(s, e, mean);
      if (age < n) { store<f64>(ROW + (<usize>j << 3), NaN); continue; }
      store<f64>(ROW + (<usize>j << 3), (slot(sum, j) + slot(err, j)) / <f64>b);
      compensatedAdd(s, e, -(prefixWindowSum(prefix, t - b + 1, a) / <f64>a));
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
  if (!withState || c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = partAt(c.stateOut, b0 + j);
    store<f64>(to, slot(sum, j));
    store<f64>(to, slot(err, j), 8);
  }
}
