// What several structure indicators share (see native/structure/common.h):
// the lengths of a candle, and rolling extremes over windows (MAX, MIN,
// MIDPOINT, MIDPRICE).
import {
  at, BAD_PARAM, BLOCK, Call, input, OK, param, put, putNaNAll, putRow, ROW, SCRATCH_TOO_SMALL, setSlot, slot, STATE_A, STATE_B,
  STATE_C, STATE_D,
} from "../abi";
import {
  buildExtremes, callWindow, EXTREME_HIGH, EXTREME_LOW, extremeLevels, extremeRows, extremeScratch, inputGaps, laneRow, maxParam, midRows,
  windowsFit, windowSetAdd, windowSetBegin, windowSetEnd,
} from "../primitives";

// The four lengths of a candle: body, range, upper wick, lower wick.
@inline export function candleTop(open: f64, close: f64): f64 { return open > close ? open : close; }
@inline export function candleBottom(open: f64, close: f64): f64 { return open > close ? close : open; }

@inline export function ratioOrNaN(x: f64, by: f64): f64 {
  return by != 0.0 ? x / by : NaN;
}

// The kernel state of the ATR-normalised values; mirrors carriedRun and
// leaveRun in native/structure/common.h: per variant S numbers, `own` of the
// variant, then the run's age and its last bar's four inputs. runCarried
// and runPrevClose are set by prepareRun for the segments.
export let runCarried: i32 = 0;
export let runPrevClose: f64 = 0.0;

@inline export function runStateAt(area: usize, S: i32, v: i32): usize { return area + (<usize>(S * v) << 3); }

export function prepareRun(c: Call, S: i32, own: i32): i32 {
  runCarried = 0;
  runPrevClose = 0.0;
  if ((c.stateIn != 0 || c.stateOut != 0) && (c.stateIn == 0 || c.stateLen < S * c.v1)) return BAD_PARAM;
  if (c.stateIn == 0 || c.T == 0) return OK;
  for (let k = 0; k < 4; ++k) if (isNaN(at(input(c, k), 0))) return OK;
  const from = runStateAt(c.stateIn, S, c.v0);  // the same run in every variant
  if (at(from, own) < 0.0) return OK;
  runPrevClose = at(from, own + 4);
  runCarried = <i32>at(from, own) + 1;
  return OK;
}

export function leaveRun(c: Call, S: i32, own: i32, b0: i32, nb: i32): void {
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = runStateAt(c.stateOut, S, b0 + j);
    memory.copy(to, runStateAt(c.stateIn, S, b0 + j), <usize>S << 3);
    setSlot(to, own, -1.0);
    for (let k = 0; k < 4; ++k) setSlot(to, own + 1 + k, at(input(c, k), c.T - 1));
  }
}

// Rolling extremes (native rollingExtremes): MAX, MIN, or the mid of the max
// of input 0 and the min of input nIn - 1; MINMAX writes the min to output 0
// and the max to output 1 in one pass (output tiles move forward only).
export const KIND_MAX: i32 = 0, KIND_MIN: i32 = 1, KIND_MID: i32 = 2, KIND_MINMAX: i32 = 3;

export function extremesScratch(T: i32, tables: i32): f64 { return <f64>tables * extremeScratch(T) + <f64>T; }

export function rollingExtremes<O>(c: Call, kind: i32, nIn: i32): i32 {
  const T = c.T, both = kind == KIND_MID || kind == KIND_MINMAX;
  if (<f64>c.scratchLen < extremesScratch(T, both ? 2 : 1)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  const levels = extremeLevels(<i32>maxParam(c, 0));
  const lastGap = c.scratch;
  inputGaps(c, nIn, lastGap);
  const highs = lastGap + (<usize>T << 3);
  const lows = highs + (both ? <usize>extremeScratch(T) << 3 : 0);
  if (kind != KIND_MIN) buildExtremes(true, input(c, 0), T, levels, highs);
  if (kind != KIND_MAX) buildExtremes(false, input(c, nIn - 1), T, levels, lows);
  // Bar by bar over blocks of variants, a row of the block's windows at a
  // time (extremeRows): output tiles move forward only (asm/abi.ts).
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    windowSetBegin(nb);
    windowSetAdd(c, 0, b0);
    windowSetEnd();
    for (let t = 0; t < T; ++t) {
      const run = t - <i32>at(lastGap, t);  // valid bars ending at t
      if (kind == KIND_MID) midRows(highs, lows, T, t, run, EXTREME_LOW);
      else {
        if (kind != KIND_MIN) extremeRows(true, highs, T, t, run, EXTREME_HIGH);
        if (kind != KIND_MAX) extremeRows(false, lows, T, t, run, EXTREME_LOW);
      }
      putRow<O>(c, 0, t, b0, nb, laneRow(0, kind == KIND_MAX ? EXTREME_HIGH : EXTREME_LOW, ROW));
      if (kind == KIND_MINMAX) putRow<O>(c, 1, t, b0, nb, laneRow(0, EXTREME_HIGH, ROW));
    }
  }
  return OK;
}

// TA-Lib AVGDEV at bar t (see native/structure/common.h): summed newest first.
export function averageDeviation(x: usize, t: i32, n: i32): f64 {
  const nd = <f64>n;
  let sum = 0.0;
  for (let i = 0; i < n; ++i) sum += at(x, t - i);
  const mean = sum / nd;
  let dev = 0.0;
  for (let i = 0; i < n; ++i) dev += Math.abs(at(x, t - i) - mean);
  return dev / nd;
}

// TA-Lib MAXINDEX / MININDEX with its path-dependent ties (ExtremeIndex in
// native/structure/common.h). Lane j of the index and value areas is
// variant b0 + j; an index of -1 starts a run.
@inline function extremeIndexNext(isMax: bool, indexes: usize, values: usize, j: i32, x: usize, t: i32, n: i32): i32 {
  let index = <i32>slot(indexes, j), value = slot(values, j);
  const oldest = t - n + 1;
  if (index < oldest) {
    index = oldest;
    value = at(x, oldest);
    for (let i = oldest + 1; i <= t; ++i) {
      const xi = at(x, i);
      if (isMax ? xi > value : xi < value) { index = i; value = xi; }
    }
  } else {
    const xt = at(x, t);
    if (isMax ? xt >= value : xt <= value) { index = t; value = xt; }
  }
  setSlot(indexes, j, <f64>index);
  setSlot(values, j, value);
  return index;
}

// Kernel state (per variant, INDEX_STATE numbers; kIndexState in
// native/structure/common.h): the kept (bar, value) of the min and of the
// max, the bar number of bar 0, lead and the run's age at bar lead - 1.
const INDEX_STATE: i32 = 7;
// From the state, set by extremeIndexesPrepare: the bar number of bar 0, lead, the run's age at bar lead - 1.
let indexBase: f64 = 0.0;
let indexLead: i32 = 0;
let indexAge: i32 = -1;

@inline function indexState(area: usize, v: i32): usize { return area + (<usize>(INDEX_STATE * v) << 3); }

export function extremeIndexesPrepare(c: Call): i32 {
  const state = c.stateIn != 0 || c.stateOut != 0;
  if (state && (c.stateIn == 0 || c.stateLen < INDEX_STATE * c.v1)) return BAD_PARAM;
  indexBase = 0.0;
  indexLead = 0;
  indexAge = -1;
  if (!state) return OK;
  const head = indexState(c.stateIn, c.v0);
  indexBase = load<f64>(head, 32);
  indexLead = <i32>load<f64>(head, 40);
  indexAge = <i32>load<f64>(head, 48);
  return indexLead < callWindow(c, 0) - 1 || indexLead > c.T ? BAD_PARAM : OK;
}

export function extremeIndexesBlock(c: Call, b0: i32, nb: i32): void {
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = indexState(c.stateOut, b0 + j);
    memory.copy(to, indexState(c.stateIn, b0 + j), 32);
    store<f64>(to, indexBase + <f64>c.T, 32);
    store<f64>(to, 0.0, 40);
    store<f64>(to, -1.0, 48);
  }
}

// MAXINDEX, MININDEX, MINMAXINDEX: the min's bar in output minOut and the
// max's in output maxOut (-1: not an output). STATE_A..D hold the lanes.
export function extremeIndexesSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, minOut: i32, maxOut: i32): void {
  const x = input(c, 0);
  const lead = indexLead, base = indexBase;
  // A run through bar lead - 1 goes on from the state; the stream stepped the bars before lead.
  const from = max(s, lead);
  const start = s < lead ? lead - 1 - indexAge : s;
  for (let j = 0; j < nb; ++j) {
    setSlot(STATE_A, j, -1.0);
    setSlot(STATE_C, j, -1.0);
    if (s < lead && e > lead) {
      const state = indexState(c.stateIn, b0 + j);
      setSlot(STATE_A, j, load<f64>(state) - base);
      setSlot(STATE_B, j, load<f64>(state, 8));
      setSlot(STATE_C, j, load<f64>(state, 16) - base);
      setSlot(STATE_D, j, load<f64>(state, 24));
    }
  }
  for (let t = s; t < from && t < e; ++t) putNaNAll<O>(c, t, b0, nb);
  for (let t = from; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const n = <i32>param(c, 0, v);
      if (t - start < n - 1) { putNaNAll<O>(c, t, v, 1); continue; }
      if (minOut >= 0) put<O>(c, minOut, t, v, base + <f64>extremeIndexNext(false, STATE_A, STATE_B, j, x, t, n));
      if (maxOut >= 0) put<O>(c, maxOut, t, v, base + <f64>extremeIndexNext(true, STATE_C, STATE_D, j, x, t, n));
    }
  }
  if (c.stateOut == 0 || e <= lead) return;
  for (let j = 0; j < nb; ++j) {
    const to = indexState(c.stateOut, b0 + j);
    // A lane that kept a bar in this run (the others as they were).
    if (e - 1 - start >= <i32>param(c, 0, b0 + j) - 1) {
      if (minOut >= 0) { store<f64>(to, base + slot(STATE_A, j)); store<f64>(to, slot(STATE_B, j), 8); }
      if (maxOut >= 0) { store<f64>(to, base + slot(STATE_C, j), 16); store<f64>(to, slot(STATE_D, j), 24); }
    }
    if (e == c.T) store<f64>(to, <f64>(e - 1 - start), 48);
  }
}
