// trend.supertrend: lanes hold ATR, upper and lower band, and up (1 or 0) in
// STATE_A..D; mirrors native/trend/supertrend.h.
import {
  at, BAD_PARAM, Call, input, OK, param, put, putNaNAll, SCRATCH_TOO_SMALL, setSlot, slot, STATE_A, STATE_B,
  STATE_C, STATE_D,
} from "../abi";
import { seedsFirst, sumRange, trueRange, trueRanges, validAt, wilderStep } from "../primitives";
import { atrAdvance, leaveRunState } from "./common";

export function scratch(T: i32): f64 { return <f64>T; }

// Kernel state (per variant, STATE numbers; kState in native/trend/supertrend.h):
// the ATR, the upper and lower bands, up, the run's age and the last bar's
// high, low and close.
const STATE: i32 = 8;
// Bars of bar 0's run before the call, set by prepare.
let carried: i32 = 0;

@inline function stateAt(area: usize, v: i32): usize { return area + (<usize>(STATE * v) << 3); }

export function prepare(c: Call): i32 {
  if ((c.stateIn != 0 || c.stateOut != 0) && (c.stateIn == 0 || c.stateLen < STATE * c.v1)) return BAD_PARAM;
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  const T = c.T;
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const tr = c.scratch;
  trueRanges(high, low, close, T, tr);
  carried = 0;
  if (c.stateIn != 0 && T > 0 && validAt(c, 3, 0) && load<f64>(stateAt(c.stateIn, c.v0), 32) >= 0.0) {
    carried = <i32>load<f64>(stateAt(c.stateIn, c.v0), 32) + 1;
    setSlot(tr, 0, trueRange(at(high, 0), at(low, 0), load<f64>(stateAt(c.stateIn, c.v0), 56)));
  }
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) leaveRunState(c, stateAt(c.stateOut, b0 + j), stateAt(c.stateIn, b0 + j), STATE);
}

// The bands and trend of lane j (variant v) at bar t, its ATR in STATE_A; first: the lane's first banded bar.
@inline function bands<O>(c: Call, j: i32, v: i32, t: i32, mid: f64, prevClose: f64, first: bool): void {
  const close = input(c, 2);
  const atr = slot(STATE_A, j), mult = param(c, 1, v);
  const basicUpper = mid + mult * atr, basicLower = mid - mult * atr;
  let upper = basicUpper, lower = basicLower, up = false;
  if (!first) {
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

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const tr = c.scratch;
  const start = s == 0 ? -carried : s;
  if (start < s) {
    // The run goes on from the state: each lane's ATR (its sum of true ranges while seeding) as
    // volatility.atr's, until every lane has its bands, then Wilder's steps.
    let warm = s;
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j, from = stateAt(c.stateIn, v);
      setSlot(STATE_A, j, load<f64>(from));
      setSlot(STATE_B, j, load<f64>(from, 8));
      setSlot(STATE_C, j, load<f64>(from, 16));
      setSlot(STATE_D, j, load<f64>(from, 24));
      if (!seedsFirst(c, 2, v)) warm = max(warm, start + <i32>param(c, 0, v) + 1);
    }
    const lastClose = load<f64>(stateAt(c.stateIn, b0), 56);
    let t = s;
    for (const to = min(e, warm); t < to; ++t) {
      const mid = (at(high, t) + at(low, t)) / 2.0, prevClose = t > 0 ? at(close, t - 1) : lastClose;
      const age = t - start;
      for (let j = 0; j < nb; ++j) {
        const v = b0 + j;
        const n = param(c, 0, v), w = <i32>n, first = seedsFirst(c, 2, v);
        if (first || age > w) {
          setSlot(STATE_A, j, wilderStep(slot(STATE_A, j), at(tr, t), n));
        } else {
          const sum = slot(STATE_A, j) + at(tr, t);
          if (age < w) { setSlot(STATE_A, j, sum); putNaNAll<O>(c, t, v, 1); continue; }
          setSlot(STATE_A, j, sum / n);
        }
        bands<O>(c, j, v, t, mid, prevClose, age == w && !first);
      }
    }
    for (; t < e; ++t) {
      const mid = (at(high, t) + at(low, t)) / 2.0, prevClose = t > 0 ? at(close, t - 1) : lastClose;
      for (let j = 0; j < nb; ++j) {
        const v = b0 + j;
        setSlot(STATE_A, j, wilderStep(slot(STATE_A, j), at(tr, t), param(c, 0, v)));
        bands<O>(c, j, v, t, mid, prevClose, false);
      }
    }
  } else {
    for (let t = s; t < e; ++t) {
      const mid = (at(high, t) + at(low, t)) / 2.0;
      for (let j = 0; j < nb; ++j) {
        const v = b0 + j;
        const n = param(c, 0, v);
        const seedFirst = seedsFirst(c, 2, v);
        const first = seedFirst ? s : s + <i32>n;
        if (t < first) { putNaNAll<O>(c, t, v, 1); continue; }
        atrAdvance(STATE_A, j, tr, s, t, n, seedFirst, at(high, s) - at(low, s));
        bands<O>(c, j, v, t, mid, t > s ? at(close, t - 1) : 0.0, t == first);
      }
    }
  }
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const v = b0 + j, to = stateAt(c.stateOut, v);
    const first = seedsFirst(c, 2, v) ? start : start + <i32>param(c, 0, v);
    if (e - 1 >= first) {
      store<f64>(to, slot(STATE_A, j));
      store<f64>(to, slot(STATE_B, j), 8);
      store<f64>(to, slot(STATE_C, j), 16);
      store<f64>(to, slot(STATE_D, j), 24);
    } else {
      // Still seeding: the true ranges of ages 1 .. the last, summed in order (a carried run's lanes hold them).
      store<f64>(to, start < s ? slot(STATE_A, j) : sumRange(tr, s + 1, e - 1 - s));
    }
    store<f64>(to, e == c.T ? <f64>(e - 1 - start) : -1.0, 32);
  }
}
