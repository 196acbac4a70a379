// structure.beta: TA-Lib BETA; mirrors native/structure/beta.h, kernel state
// included. Lanes hold the sums of x², xy, x and y in STATE_A..D.
import { at, BAD_PARAM, Call, input, OK, param, put, SCRATCH_TOO_SMALL, setSlot, slot, STATE_A, STATE_B, STATE_C, STATE_D } from "../abi";
import { callWindow, leaveTailState, nearZero, validAt } from "../primitives";

// Kernel state (per variant, S numbers, S first; kStateHead in the native
// kernel): [S, the run's age, the four sums, the last (S - 6) / 2 bars' prices].
const STATE_HEAD: i32 = 6;
// Set by prepare: S (0 without state), the returns' bar 0, and the bars of bar 0's run before the call.
let stateSize: i32 = 0;
let returnsX: usize = 0, returnsY: usize = 0;
let carried: i32 = 0;

export function scratch(T: i32, W: i32): f64 { return 2.0 * (<f64>T + <f64>max(W, 1)); }

@inline function stateAt(area: usize, v: i32): usize { return area + (<usize>(stateSize * v) << 3); }

@inline function oneBarReturn(prev: f64, x: f64): f64 {
  return nearZero(prev) ? 0.0 : (x - prev) / prev;
}

export function prepare(c: Call): i32 {
  const W = max(callWindow(c, 0), 1);
  stateSize = 0;
  carried = 0;
  if (c.stateIn != 0 || c.stateOut != 0) {
    if (c.stateIn == 0 || c.stateLen < 1) return BAD_PARAM;
    const S = load<f64>(c.stateIn);
    if (S != Math.floor(S) || S < <f64>(STATE_HEAD + 2 * W) || S * <f64>c.v1 > <f64>c.stateLen) return BAD_PARAM;
    stateSize = <i32>S;
  }
  if (<f64>c.scratchLen < scratch(c.T, W)) return SCRATCH_TOO_SMALL;
  const x = input(c, 0), y = input(c, 1);
  const rx = c.scratch + (<usize>W << 3), ry = rx + (<usize>(c.T + W) << 3);  // rx[-W .. T)
  returnsX = rx;
  returnsY = ry;
  for (let t = 1; t < c.T; ++t) {
    setSlot(rx, t, oneBarReturn(at(x, t - 1), at(x, t)));
    setSlot(ry, t, oneBarReturn(at(y, t - 1), at(y, t)));
  }
  if (stateSize == 0) return OK;
  // The returns at bars 1 - W .. 0 from the tail's prices (its bar i at 2(P + i)).
  const tail = stateAt(c.stateIn, c.v0) + (<usize>STATE_HEAD << 3);
  const P = (stateSize - STATE_HEAD) >> 1;
  for (let i = 1 - W; i <= 0; ++i) {
    const prev = 2 * (P + i - 1), now = 2 * (P + i);
    setSlot(rx, i, oneBarReturn(at(tail, prev), i < 0 ? at(tail, now) : at(x, 0)));
    setSlot(ry, i, oneBarReturn(at(tail, prev + 1), i < 0 ? at(tail, now + 1) : at(y, 0)));
  }
  if (c.T > 0 && validAt(c, 2, 0)) carried = <i32>load<f64>(stateAt(c.stateIn, c.v0), 8);
  return OK;
}

// As a call ending on a NaN bar leaves the state; each segment sets the sums, the last one the age.
export function block<O>(c: Call, b0: i32, nb: i32): void {
  if (c.stateOut != 0) leaveTailState(c, stateSize, STATE_HEAD, 2, b0, nb);
}

@inline function addSums(j: i32, a: f64, b: f64, sign: f64): void {
  // sign 1 adds, -1 drops: x + (-1)·v is x - v exactly, as C++'s -= is.
  setSlot(STATE_A, j, slot(STATE_A, j) + sign * (a * a));
  setSlot(STATE_B, j, slot(STATE_B, j) + sign * (a * b));
  setSlot(STATE_C, j, slot(STATE_C, j) + sign * a);
  setSlot(STATE_D, j, slot(STATE_D, j) + sign * b);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const rx = returnsX, ry = returnsY;
  const start = s == 0 ? -carried : s;  // the run's first bar
  for (let j = 0; j < nb; ++j) {
    const from = start < s ? stateAt(c.stateIn, b0 + j) : 0;
    setSlot(STATE_A, j, from != 0 ? load<f64>(from, 16) : 0.0);
    setSlot(STATE_B, j, from != 0 ? load<f64>(from, 24) : 0.0);
    setSlot(STATE_C, j, from != 0 ? load<f64>(from, 32) : 0.0);
    setSlot(STATE_D, j, from != 0 ? load<f64>(from, 40) : 0.0);
  }
  for (let t = s; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const n = param(c, 0, b0 + j);
      const w = <i32>n;
      if (t > start) addSums(j, at(rx, t), at(ry, t), 1.0);  // the first return of a run is at its second bar
      if (t < start + w) { put<O>(c, 0, t, b0 + j, NaN); continue; }
      const xx = slot(STATE_A, j), xy = slot(STATE_B, j), sx = slot(STATE_C, j), sy = slot(STATE_D, j);
      const d = n * xx - sx * sx;
      put<O>(c, 0, t, b0 + j, nearZero(d) ? 0.0 : (n * xy - sx * sy) / d);
      addSums(j, at(rx, t - w + 1), at(ry, t - w + 1), -1.0);
    }
  }
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = stateAt(c.stateOut, b0 + j);
    if (e == c.T) store<f64>(to, <f64>(e - start), 8);
    store<f64>(to, slot(STATE_A, j), 16);
    store<f64>(to, slot(STATE_B, j), 24);
    store<f64>(to, slot(STATE_C, j), 32);
    store<f64>(to, slot(STATE_D, j), 40);
  }
}
