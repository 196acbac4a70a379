// trend.chandelier_exit; mirrors native/trend/chandelier_exit.h. Lanes hold
// the ATR (STATE_A) and the band of the bar (STATE_B, NaN before the first
// value); the channel comes in rows of the block's windows (extremeRows).
// scratch: true range, then the channel. Kernel state: kChandelierState's in
// native/trend/chandelier_exit.h, [lead, age, ATR] per variant.
import {
  at, BAD_PARAM, Call, input, OK, param, putRow, ROW, SCRATCH_TOO_SMALL, setSlot, slot, STATE_A, STATE_B, STATE_C, STATE_D,
  STATE_E,
} from "../abi";
import {
  buildRange, EXTREME_HIGH, EXTREME_LOW, extremeRows, keepLeadState, laneRow, leadRun, leadStateAt, maxParam, rangeLows, rangeScratch,
  readLeadState, runFrom, runGoesOn, runOrigin, seedsFirst, startLeadBlock, sumOnto, trueRanges, wilderStep, windowsFit, windowSetAdd, windowSetBegin, windowSetEnd,
} from "../primitives";

export function scratch(T: i32): f64 { return <f64>T + rangeScratch(T); }

const CHANDELIER_STATE: i32 = 3;

export function prepare(c: Call): i32 {
  if (<f64>c.scratchLen < scratch(c.T)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  if (!readLeadState(c, CHANDELIER_STATE, max(<i32>maxParam(c, 0) - 1, 1))) return BAD_PARAM;
  const T = c.T;
  const tr = c.scratch, highs = c.scratch + (<usize>T << 3);
  trueRanges(input(c, 0), input(c, 1), input(c, 2), T, tr);
  buildRange(input(c, 0), input(c, 1), T, <i32>maxParam(c, 0), highs);
  return OK;
}

export function block<O>(c: Call, b0: i32, nb: i32): void {
  windowSetBegin(nb);
  windowSetAdd(c, 0, b0);
  windowSetEnd();
  startLeadBlock(c, CHANDELIER_STATE, b0, nb);
}

export function segment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32): void {
  const T = c.T;
  const tr = c.scratch, highs = c.scratch + (<usize>T << 3);
  const lows = rangeLows(highs, T);
  leadRun<O>(c, b0, nb, s, e);
  const origin = runOrigin, t0 = runFrom, goesOn = runGoesOn;
  if (t0 == e) return;
  const from = goesOn ? t0 : s + 1;  // the first true range this call adds to a seeding sum
  // STATE_A: the ATR, or the seeding sum, carried into the run (0 for a run starting here).
  for (let j = 0; j < nb; ++j) setSlot(STATE_A, j, goesOn ? load<f64>(leadStateAt(c.stateIn, CHANDELIER_STATE, b0 + j), 16) : 0.0);
  const firstRange = at(input(c, 0), s) - at(input(c, 1), s);
  for (let t = t0; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const n = param(c, 0, v);
      const w = <i32>n;
      const first = seedsFirst(c, 2, v);
      // The ATR's first bar: the run's first (seed 'first') or its n-th true range.
      const seedAt = first ? origin : origin + w;
      let atr = slot(STATE_A, j);
      if (t > seedAt) atr = wilderStep(atr, at(tr, t), n);
      else if (t == seedAt) atr = first ? firstRange : sumOnto(atr, tr, from, t + 1 - from) / n;
      setSlot(STATE_A, j, atr);
      setSlot(STATE_B, j, t >= origin + w - (first ? 1 : 0) ? param(c, 1, v) * atr : NaN);
    }
    extremeRows(true, highs, T, t, t - s + 1, EXTREME_HIGH);
    extremeRows(false, lows, T, t, t - s + 1, EXTREME_LOW);
    const hh = laneRow(0, EXTREME_HIGH, STATE_C), ll = laneRow(0, EXTREME_LOW, STATE_D);
    // highest - band and lowest + band; a NaN band (before the first value) gives NaN.
    let j = 0;
    for (; j + 2 <= nb; j += 2) {
      const off = <usize>j << 3, band = v128.load(STATE_B + off);
      v128.store(ROW + off, f64x2.sub(v128.load(hh + off), band));
      v128.store(STATE_E + off, f64x2.add(v128.load(ll + off), band));
    }
    for (; j < nb; ++j) {
      const band = at(STATE_B, j);
      store<f64>(ROW + (<usize>j << 3), at(hh, j) - band);
      store<f64>(STATE_E + (<usize>j << 3), at(ll, j) + band);
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
    putRow<O>(c, 1, t, b0, nb, STATE_E);
  }
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const v = b0 + j, to = keepLeadState(c, CHANDELIER_STATE, v, e);
    const seedAt = seedsFirst(c, 2, v) ? origin : origin + <i32>param(c, 0, v);
    store<f64>(to, e - 1 >= seedAt ? slot(STATE_A, j) : sumOnto(slot(STATE_A, j), tr, from, e - from), 16);
  }
}
