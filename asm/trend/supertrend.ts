// trend.supertrend: lanes hold ATR, upper and lower band, and up (1 or 0) in
// STATE_A..D, kept across the block's runs; mirrors native/trend/supertrend.h.
import {
  at, BAD_PARAM, Call, input, OK, param, put, putNaNAll, SCRATCH_TOO_SMALL, setSlot, slot, STATE_A, STATE_B,
  STATE_C, STATE_D,
} from "../abi";
import { seedsFirst, trueRange, trueRanges, validAt, wilderStep } from "../primitives";
import { leaveRunState } from "./common";

export function scratch(T: i32): f64 { return <f64>T; }

// Kernel state (per variant, STATE numbers; kState in native/trend/supertrend.h):
// the ATR, the upper and lower bands, up, the run's age and the last bar's
// high, low and close.
const STATE: i32 = 8;
// Bars of bar 0's run before the call and the close before bar 0, set by prepare.
let carried: i32 = 0;
let lastClose: f64 = NaN;

@inline function stateAt(area: usize, v: i32): usize { return area + (<usize>(STATE * v) << 3); }

export function prepare(c: Call): i32 {
  if ((c.stateIn != 0 || c.stateOut != 0) && (c.stateIn == 0 || c.stateLen < STATE * c.v1)) return BAD_PARAM;
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  const T = c.T;
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const tr = c.scratch;
  trueRanges(high, low, close, T, tr);
  carried = 0;
  lastClose = NaN;
  if (c.stateIn != 0 && T > 0 && validAt(c, 3, 0) && load<f64>(stateAt(c.stateIn, c.v0), 32) >= 0.0) {
    carried = <i32>load<f64>(stateAt(c.stateIn, c.v0), 32) + 1;
    lastClose = load<f64>(stateAt(c.stateIn, c.v0), 56);
    setSlot(tr, 0, trueRange(at(high, 0), at(low, 0), lastClose));
  }
  return OK;
}

// The lanes from the state (zeros without one); stateOut as the state came, after a NaN bar.
export function block<O>(c: Call, b0: i32, nb: i32): void {
  for (let j = 0; j < nb; ++j) {
    const from = stateAt(c.stateIn, b0 + j);
    setSlot(STATE_A, j, c.stateIn != 0 ? load<f64>(from) : 0.0);
    setSlot(STATE_B, j, c.stateIn != 0 ? load<f64>(from, 8) : 0.0);
    setSlot(STATE_C, j, c.stateIn != 0 ? load<f64>(from, 16) : 0.0);
    setSlot(STATE_D, j, c.stateIn != 0 && load<f64>(from, 24) == 1.0 ? 1.0 : 0.0);
    if (c.stateOut != 0) leaveRunState(c, stateAt(c.stateOut, b0 + j), from, STATE);
  }
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const tr = c.scratch;
  const start = s == 0 ? -carried : s;
  for (let t = s; t < e; ++t) {
    const age = t - start;
    const mid = (at(high, t) + at(low, t)) / 2.0;
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const n = param(c, 0, v);
      const seedFirst = seedsFirst(c, 2, v);
      // TA-Lib's ATR (atrAdvance): the true ranges of ages 1 .. n summed in order, or bar s's range.
      const first = seedFirst ? 0 : <i32>n;
      let atr = slot(STATE_A, j);
      if (seedFirst) atr = age == 0 ? at(high, t) - at(low, t) : wilderStep(atr, at(tr, t), n);
      else if (age == 0) atr = 0.0;
      else if (age <= first) atr += at(tr, t);
      else atr = wilderStep(atr, at(tr, t), n);
      if (age < first) {
        setSlot(STATE_A, j, atr);
        putNaNAll<O>(c, t, v, 1);
        continue;
      }
      if (!seedFirst && age == first) atr /= n;
      setSlot(STATE_A, j, atr);
      const mult = param(c, 1, v);
      const basicUpper = mid + mult * atr, basicLower = mid - mult * atr;
      let upper = basicUpper, lower = basicLower, up = false;
      if (age > first) {
        const prevClose = t > 0 ? at(close, t - 1) : lastClose;
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
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = stateAt(c.stateOut, b0 + j);
    store<f64>(to, slot(STATE_A, j));
    store<f64>(to, slot(STATE_B, j), 8);
    store<f64>(to, slot(STATE_C, j), 16);
    store<f64>(to, slot(STATE_D, j), 24);
    store<f64>(to, e == c.T ? <f64>(e - 1 - start) : -1.0, 32);
  }
}
