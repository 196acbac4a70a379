// trend.keltner: lanes hold the middle EMA (averageLane 0) and the ATR
// (STATE_B); mirrors native/trend/keltner.h.
import { at, BAD_PARAM, Call, input, OK, param, put, SCRATCH_TOO_SMALL, setSlot, slot, STATE_B } from "../abi";
import { averageLane, seedsFirst, trueRange, trueRanges, validAt, wilderStep } from "../primitives";
import { leaveRunState } from "./common";

export function scratch(T: i32): f64 { return 2.0 * T; }

// Kernel state (per variant, STATE numbers; kState in native/trend/keltner.h):
// the middle EMA's (value, count), the ATR, the run's age and the last bar's
// high, low and close.
const STATE: i32 = 7;
// Bars of bar 0's run before the call, set by prepare.
let carried: i32 = 0;

@inline function stateAt(area: usize, v: i32): usize { return area + (<usize>(STATE * v) << 3); }

export function prepare(c: Call): i32 {
  if ((c.stateIn != 0 || c.stateOut != 0) && (c.stateIn == 0 || c.stateLen < STATE * c.v1)) return BAD_PARAM;
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  const T = c.T;
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const typical = c.scratch, tr = c.scratch + (<usize>T << 3);
  for (let t = 0; t < T; ++t) setSlot(typical, t, (at(high, t) + at(low, t) + at(close, t)) / 3.0);
  trueRanges(high, low, close, T, tr);
  carried = 0;
  if (c.stateIn != 0 && T > 0 && validAt(c, 3, 0) && load<f64>(stateAt(c.stateIn, c.v0), 24) >= 0.0) {
    carried = <i32>load<f64>(stateAt(c.stateIn, c.v0), 24) + 1;
    setSlot(tr, 0, trueRange(at(high, 0), at(low, 0), load<f64>(stateAt(c.stateIn, c.v0), 48)));
  }
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) leaveRunState(c, stateAt(c.stateOut, b0 + j), stateAt(c.stateIn, b0 + j), STATE);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const T = c.T;
  const typical = c.scratch, tr = c.scratch + (<usize>T << 3);
  const high = input(c, 0), low = input(c, 1);
  const start = s == 0 ? -carried : s;
  for (let j = 0; j < nb; ++j) {
    const v = b0 + j, middle = averageLane(0, j);
    middle.reset(param(c, 0, v), false, seedsFirst(c, 2, v));
    setSlot(STATE_B, j, 0.0);
    if (start == s) continue;
    const from = stateAt(c.stateIn, v);
    middle.value = load<f64>(from);
    middle.count = <i32>load<f64>(from, 8);
    setSlot(STATE_B, j, load<f64>(from, 16));
  }
  for (let t = s; t < e; ++t) {
    const age = t - start;
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const n = param(c, 0, v);
      const first = seedsFirst(c, 2, v);
      const middle = averageLane(0, j);
      // The EMA: its first `period` typical prices summed in order, then TA-Lib's step.
      const hasMiddle = middle.push(at(typical, t));
      put<O>(c, 0, t, v, hasMiddle ? middle.value : NaN);
      // TA-Lib's ATR (atrAdvance): the true ranges of ages 1 .. n summed in order, or bar s's range.
      let atr = slot(STATE_B, j);
      let banded = true;
      if (first) atr = age == 0 ? at(high, t) - at(low, t) : wilderStep(atr, at(tr, t), n);
      else if (age == 0) { atr = 0.0; banded = false; }
      else if (age <= <i32>n) {
        atr += at(tr, t);
        banded = age == <i32>n;
        if (banded) atr /= n;
      } else atr = wilderStep(atr, at(tr, t), n);
      setSlot(STATE_B, j, atr);
      const mult = param(c, 1, v);
      put<O>(c, 1, t, v, banded ? middle.value + mult * atr : NaN);
      put<O>(c, 2, t, v, banded ? middle.value - mult * atr : NaN);
    }
  }
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = stateAt(c.stateOut, b0 + j), middle = averageLane(0, j);
    store<f64>(to, middle.value);
    store<f64>(to, <f64>middle.count, 8);
    store<f64>(to, slot(STATE_B, j), 16);
    store<f64>(to, e == c.T ? <f64>(e - 1 - start) : -1.0, 24);
  }
}
