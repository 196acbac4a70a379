// ma.trima; mirrors native/ma/trima.h, kernel state included.
import { at, BAD_PARAM, Call, param, putRow, ROW, setSlot, slot, STATE_A, STATE_B } from "../abi";
import { compensatedAdd, prefixWindowSum } from "../primitives";
import { prepareSourcePrefix, sourceLastGap, sourcePrefix, sourcePrefixScratch } from "./common";

export function scratch(T: i32, W: i32): f64 { return sourcePrefixScratch(T, max(W, 1)); }

@inline function trimaInner(n: i32): i32 { return n % 2 ? (n + 1) / 2 : n / 2; }

// Kernel state (per variant, S numbers; kStateHead in native/ma/trima.h):
// [S, the outer sum and its rounding error, then ma.sma's prefix state of
// the source, the same in every variant].
const STATE_HEAD: i32 = 3;
let stateSize: i32 = 0;  // S, set by prepare (0 without state)

@inline function stateAt(area: usize, v: i32): usize { return area + (<usize>(stateSize * v) << 3); }

export function prepare(c: Call): i32 {
  stateSize = 0;
  if (c.stateIn == 0 && c.stateOut == 0) return prepareSourcePrefix(c);
  if (c.stateIn == 0 || c.stateLen < 1) return BAD_PARAM;
  const S = load<f64>(c.stateIn);
  if (S != Math.floor(S) || S < <f64>(STATE_HEAD + 3) || S * <f64>c.v1 > <f64>c.stateLen) return BAD_PARAM;
  stateSize = <i32>S;
  // The prefix runs on variant v0's copy of the source's state, and leaves its own in v0's slot (block copies it to the others).
  const stateIn = c.stateIn, stateOut = c.stateOut, stateLen = c.stateLen;
  c.stateIn = stateAt(stateIn, c.v0) + (<usize>STATE_HEAD << 3);
  c.stateOut = stateOut != 0 ? stateAt(stateOut, c.v0) + (<usize>STATE_HEAD << 3) : 0;
  c.stateLen = stateSize - STATE_HEAD;
  const status = prepareSourcePrefix(c);
  c.stateIn = stateIn;
  c.stateOut = stateOut;
  c.stateLen = stateLen;
  return status;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  const prefix = sourcePrefix(c), lastGap = sourceLastGap(c);
  const sum = STATE_A, err = STATE_B;  // the outer sum and its rounding errors (compensatedAdd)
  if (stateSize > 0) {
    for (let j = 0; j < nb; ++j) {
      const from = stateAt(c.stateIn, b0 + j);
      setSlot(sum, j, load<f64>(from, 8));
      setSlot(err, j, load<f64>(from, 16));
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
  if (stateSize == 0 || c.stateOut == 0) return;
  const source = stateAt(c.stateOut, c.v0);
  for (let j = 0; j < nb; ++j) {
    const to = stateAt(c.stateOut, b0 + j);
    if (b0 + j != c.v0) memory.copy(to + (<usize>STATE_HEAD << 3), source + (<usize>STATE_HEAD << 3), <usize>(stateSize - STATE_HEAD) << 3);
    store<f64>(to, <f64>stateSize);
    store<f64>(to, slot(sum, j), 8);
    store<f64>(to, slot(err, j), 16);
  }
}
