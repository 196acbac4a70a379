// The Hilbert transform shared by cycle.ht_*, ma.mama and ma.ht_trendline;
// mirrors HilbertCore in native/cycle/common.h. One transform runs at a time,
// so its state is module-level: scalars in globals, the filter histories and
// the smoothed-price ring in static memory.
import { at, BAD_PARAM, Call, input, OK, putNaNAll } from "../abi";

const A: f64 = 0.0962, B: f64 = 0.5769;
export const RAD2DEG: f64 = 180.0 / (4.0 * Math.atan(1.0));
const SMOOTH_PRICE_SIZE: i32 = 50;

// Four filters (detrender, Q1, jI, jQ) of 10 doubles: ring[2][3], prev[2], prevInput[2].
const FILTER_DOUBLES: i32 = 10;
const FILTERS: usize = memory.data(4 * FILTER_DOUBLES * 8, 8);
const SMOOTH_PRICE: usize = memory.data(SMOOTH_PRICE_SIZE * 8, 8);

let wmaSub: f64 = 0.0, wmaSum: f64 = 0.0, trailingValue: f64 = 0.0;
let trailing: i32 = 0;
let hilbertIdx: i32 = 0;
export let period: f64 = 0.0;
export let smoothPeriod: f64 = 0.0;
let prevI2: f64 = 0.0, prevQ2: f64 = 0.0, re: f64 = 0.0, im: f64 = 0.0;
let i1OddPrev2: f64 = 0.0, i1OddPrev3: f64 = 0.0, i1EvenPrev2: f64 = 0.0, i1EvenPrev3: f64 = 0.0;
export let inPhase: f64 = 0.0;
export let quadrature: f64 = 0.0;
export let ringIdx: i32 = SMOOTH_PRICE_SIZE - 1;
export let dcPhase: f64 = 0.0;
let iTrend1: f64 = 0.0, iTrend2: f64 = 0.0, iTrend3: f64 = 0.0;

@inline function cell(f: i32, i: i32): usize {
  return FILTERS + (<usize>(f * FILTER_DOUBLES + i) << 3);
}

// Filter f: a·x[t] + b·x[t−2] − b·x[t−4] − a·x[t−6] over same-parity bars, in TA-Lib's order.
function filterStep(f: i32, input: f64, parity: i32, idx: i32, adjustedPrevPeriod: f64): f64 {
  const ring = cell(f, parity * 3 + idx), prev = cell(f, 6 + parity), prevInput = cell(f, 8 + parity);
  const scaled = A * input;
  let v = -load<f64>(ring);
  store<f64>(ring, scaled);
  v += scaled;
  v -= load<f64>(prev);
  store<f64>(prev, B * load<f64>(prevInput));
  v += load<f64>(prev);
  store<f64>(prevInput, input);
  return v * adjustedPrevPeriod;
}

export function smoothPriceAt(i: i32): f64 {
  return load<f64>(SMOOTH_PRICE + (<usize>i << 3));
}

function smooth(x: usize, t: i32): f64 {
  const xt = at(x, t);
  wmaSub += xt;
  wmaSub -= trailingValue;
  wmaSum += xt * 4.0;
  trailingValue = at(x, trailing++);
  const smoothed = wmaSum * 0.1;
  wmaSum -= wmaSub;
  return smoothed;
}

// Seeds the WMA with bars s, s+1, s+2 and runs it alone over `warmup` bars;
// returns the first bar of the transform.
export function start(x: usize, s: i32, warmup: i32): i32 {
  memory.fill(FILTERS, 0, 4 * FILTER_DOUBLES * 8);
  memory.fill(SMOOTH_PRICE, 0, SMOOTH_PRICE_SIZE * 8);
  hilbertIdx = 0;
  period = 0.0; smoothPeriod = 0.0;
  prevI2 = 0.0; prevQ2 = 0.0; re = 0.0; im = 0.0;
  i1OddPrev2 = 0.0; i1OddPrev3 = 0.0; i1EvenPrev2 = 0.0; i1EvenPrev3 = 0.0;
  inPhase = 0.0; quadrature = 0.0;
  ringIdx = SMOOTH_PRICE_SIZE - 1;
  dcPhase = 0.0;
  iTrend1 = 0.0; iTrend2 = 0.0; iTrend3 = 0.0;
  trailingValue = 0.0;
  wmaSub = at(x, s);
  wmaSum = at(x, s);
  wmaSub += at(x, s + 1);
  wmaSum += at(x, s + 1) * 2.0;
  wmaSub += at(x, s + 2);
  wmaSum += at(x, s + 2) * 3.0;
  trailing = s;
  for (let i = 0; i < warmup; ++i) smooth(x, s + 3 + i);
  return s + 3 + warmup;
}

// One bar of the transform (see HilbertCore::step).
export function step(x: usize, t: i32, even: bool): void {
  const adjusted = 0.075 * period + 0.54;
  const smoothed = smooth(x, t);
  ringIdx = ringIdx == SMOOTH_PRICE_SIZE - 1 ? 0 : ringIdx + 1;
  store<f64>(SMOOTH_PRICE + (<usize>ringIdx << 3), smoothed);
  const p = even ? 0 : 1;
  const i1 = even ? i1EvenPrev3 : i1OddPrev3;
  const d = filterStep(0, smoothed, p, hilbertIdx, adjusted);
  const q = filterStep(1, d, p, hilbertIdx, adjusted);
  const ji = filterStep(2, i1, p, hilbertIdx, adjusted);
  const jq = filterStep(3, q, p, hilbertIdx, adjusted);
  if (even && ++hilbertIdx == 3) hilbertIdx = 0;
  const q2 = (0.2 * (q + ji)) + (0.8 * prevQ2);
  const i2 = (0.2 * (i1 - jq)) + (0.8 * prevI2);
  if (even) {
    i1OddPrev3 = i1OddPrev2;
    i1OddPrev2 = d;
  } else {
    i1EvenPrev3 = i1EvenPrev2;
    i1EvenPrev2 = d;
  }
  inPhase = i1;
  quadrature = q;
  re = (0.2 * ((i2 * prevI2) + (q2 * prevQ2))) + (0.8 * re);
  im = (0.2 * ((i2 * prevQ2) - (q2 * prevI2))) + (0.8 * im);
  prevQ2 = q2;
  prevI2 = i2;
  const last = period;
  if (im != 0.0 && re != 0.0) period = 360.0 / (Math.atan(im / re) * RAD2DEG);
  if (period > 1.5 * last) period = 1.5 * last;
  if (period < 0.67 * last) period = 0.67 * last;
  if (period < 6) period = 6;
  else if (period > 50) period = 50;
  period = (0.2 * period) + (0.8 * last);
  smoothPeriod = (0.33 * period) + (0.67 * smoothPeriod);
}

// The phase of I1 (MAMA's), 0 where I1 is 0.
export function phase(): f64 {
  return inPhase != 0.0 ? Math.atan(quadrature / inPhase) * RAD2DEG : 0.0;
}

@inline function cycleBars(): i32 {
  return <i32>(smoothPeriod + 0.5);
}

// sin and cos of the DFT angles 2π·i/n for every cycle length n up to 50,
// made on first use (see CycleAngles in native/cycle/common.h).
const ANGLE_SINE: usize = memory.data((SMOOTH_PRICE_SIZE + 1) * SMOOTH_PRICE_SIZE * 8, 8);
const ANGLE_COSINE: usize = memory.data((SMOOTH_PRICE_SIZE + 1) * SMOOTH_PRICE_SIZE * 8, 8);
let anglesReady = false;

@inline function angle(i: i32, n: i32): f64 {
  return (<f64>i * (Math.atan(1.0) * 8.0)) / <f64>n;
}

@inline function angleCell(table: usize, n: i32, i: i32): usize {
  return table + (<usize>(n * SMOOTH_PRICE_SIZE + i) << 3);
}

function prepareAngles(): void {
  for (let n = 1; n <= SMOOTH_PRICE_SIZE; ++n)
    for (let i = 0; i < n; ++i) {
      store<f64>(angleCell(ANGLE_SINE, n, i), Math.sin(angle(i, n)));
      store<f64>(angleCell(ANGLE_COSINE, n, i), Math.cos(angle(i, n)));
    }
  anglesReady = true;
}

// HT_DCPHASE: the phase of the smoothed price over one dominant cycle.
export function updatePhase(): void {
  if (!anglesReady) prepareAngles();
  const n = cycleBars();
  let realPart = 0.0, imagPart = 0.0;
  let idx = ringIdx;
  for (let i = 0; i < n; ++i) {
    const sine = n <= SMOOTH_PRICE_SIZE ? load<f64>(angleCell(ANGLE_SINE, n, i)) : Math.sin(angle(i, n));
    const cosine = n <= SMOOTH_PRICE_SIZE ? load<f64>(angleCell(ANGLE_COSINE, n, i)) : Math.cos(angle(i, n));
    realPart += sine * smoothPriceAt(idx);
    imagPart += cosine * smoothPriceAt(idx);
    idx = idx == 0 ? SMOOTH_PRICE_SIZE - 1 : idx - 1;
  }
  const magnitude = Math.abs(imagPart);
  if (magnitude > 0.0) dcPhase = Math.atan(realPart / imagPart) * RAD2DEG;
  else if (magnitude <= 0.01) {
    if (realPart < 0.0) dcPhase -= 90.0;
    else if (realPart > 0.0) dcPhase += 90.0;
  }
  dcPhase += 90.0;
  dcPhase += 360.0 / smoothPeriod;
  if (imagPart < 0.0) dcPhase += 180.0;
  if (dcPhase > 315.0) dcPhase -= 360.0;
}

// HT_TRENDLINE: a 4-bar WMA of the price's mean over the dominant cycle (bars s..t at most).
export function trendline(x: usize, s: i32, t: i32): f64 {
  const n = cycleBars();
  let mean = 0.0;
  for (let i = 0; i < n && t - i >= s; ++i) mean += at(x, t - i);
  if (n > 0) mean = mean / <f64>n;
  const line = (4.0 * mean + 3.0 * iTrend1 + 2.0 * iTrend2 + iTrend3) / 10.0;
  iTrend3 = iTrend2;
  iTrend2 = iTrend1;
  iTrend1 = mean;
  return line;
}

// Kernel state, per variant (see namespace state in native/cycle/common.h):
// [age, the transform's numbers, the position and ring of the run's last 50
// prices, the indicator's own numbers from STATE_OWN].
const STATE_AGE: i32 = 0, STATE_PRICE_POS: i32 = 22, STATE_PRICES: i32 = 113, PRICE_RING: i32 = 50;
export const STATE_OWN: i32 = 163;

@inline function cellOf(p: usize, i: i32): usize {
  return p + (<usize>i << 3);
}

// The transform from the state at p (HilbertCore::load; `trailing` is set by the caller).
function loadCore(p: usize): void {
  wmaSub = at(p, 1); wmaSum = at(p, 2); trailingValue = at(p, 3); hilbertIdx = <i32>at(p, 4);
  period = at(p, 5); smoothPeriod = at(p, 6); prevI2 = at(p, 7); prevQ2 = at(p, 8); re = at(p, 9); im = at(p, 10);
  i1OddPrev2 = at(p, 11); i1OddPrev3 = at(p, 12); i1EvenPrev2 = at(p, 13); i1EvenPrev3 = at(p, 14);
  inPhase = at(p, 15); quadrature = at(p, 16); ringIdx = <i32>at(p, 17); dcPhase = at(p, 18);
  iTrend1 = at(p, 19); iTrend2 = at(p, 20); iTrend3 = at(p, 21);
  memory.copy(FILTERS, cellOf(p, 23), 4 * FILTER_DOUBLES * 8);
  memory.copy(SMOOTH_PRICE, cellOf(p, 63), SMOOTH_PRICE_SIZE * 8);
}

// The transform into the state at p (HilbertCore::save).
function saveCore(p: usize): void {
  store<f64>(cellOf(p, 1), wmaSub); store<f64>(cellOf(p, 2), wmaSum); store<f64>(cellOf(p, 3), trailingValue);
  store<f64>(cellOf(p, 4), <f64>hilbertIdx); store<f64>(cellOf(p, 5), period); store<f64>(cellOf(p, 6), smoothPeriod);
  store<f64>(cellOf(p, 7), prevI2); store<f64>(cellOf(p, 8), prevQ2); store<f64>(cellOf(p, 9), re); store<f64>(cellOf(p, 10), im);
  store<f64>(cellOf(p, 11), i1OddPrev2); store<f64>(cellOf(p, 12), i1OddPrev3);
  store<f64>(cellOf(p, 13), i1EvenPrev2); store<f64>(cellOf(p, 14), i1EvenPrev3);
  store<f64>(cellOf(p, 15), inPhase); store<f64>(cellOf(p, 16), quadrature); store<f64>(cellOf(p, 17), <f64>ringIdx);
  store<f64>(cellOf(p, 18), dcPhase);
  store<f64>(cellOf(p, 19), iTrend1); store<f64>(cellOf(p, 20), iTrend2); store<f64>(cellOf(p, 21), iTrend3);
  memory.copy(cellOf(p, 23), FILTERS, 4 * FILTER_DOUBLES * 8);
  memory.copy(cellOf(p, 63), SMOOTH_PRICE, SMOOTH_PRICE_SIZE * 8);
}

// Every kernel's prepare(): refuses a state it cannot go on from (native:
// badHilbertState) and clears stateOut.
export function prepareState(c: Call, own: i32): i32 {
  if (c.stateIn == 0 && c.stateOut == 0) return OK;
  const S = STATE_OWN + own;
  if (c.stateIn == 0 || c.stateLen < S * c.v1) return BAD_PARAM;
  for (let v = c.v0; v < c.v1; ++v) {
    const age = at(c.stateIn, S * v + STATE_AGE), pos = at(c.stateIn, S * v + STATE_PRICE_POS);
    if (!(age >= 0.0 && age <= 1e15 && age == Math.floor(age))) return BAD_PARAM;
    if (!(pos >= 0.0 && pos < <f64>PRICE_RING && pos == Math.floor(pos))) return BAD_PARAM;
  }
  if (c.stateOut != 0) memory.fill(c.stateOut, 0, <usize>c.stateLen << 3);
  return OK;
}

// The run's last prices before bar 0 (from the state's ring) then the call's
// first 50: JOINED + 8·t for t in [-50, 50).
const JOINED_AREA: usize = memory.data(2 * PRICE_RING * 8, 8);
export const JOINED: usize = JOINED_AREA + (<usize>PRICE_RING << 3);

// Set by startSegment: the run's first bar (before bar 0 for a run begun
// before the call); the bar from which the kernel reads its input (before
// it, JOINED); variant b0's state when the transform goes on from it, else 0.
export let origin: i32 = 0;
export let split: i32 = 0;
export let carried: usize = 0;
let transformed = false;

// Starts the transform on segment [s, e), going on from the state when it
// carries the run (its transform, or a run still seeding restarted from the
// ring's prices), and writes NaN up to its first bar; returns that bar, or e
// (all NaN) when the run has no bar past `lookback`. The caller then runs
// step() on bars first..e-1 with the prices JOINED before `split` and the
// input from there (parity and emission counted from `origin`).
export function startSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, warmup: i32, lookback: i32, own: i32): i32 {
  const x = input(c, 0);
  let before = 0;
  carried = 0;
  if (c.stateIn != 0 && s == 0) {
    const p = c.stateIn + (<usize>((STATE_OWN + own) * b0) << 3);
    before = <i32>at(p, STATE_AGE);
    if (before > 0) {
      const pos = <i32>at(p, STATE_PRICE_POS);
      for (let i = 0; i < PRICE_RING; ++i) store<f64>(cellOf(JOINED, -1 - i), at(p, STATE_PRICES + (pos - i + PRICE_RING) % PRICE_RING));
      for (let t = 0; t < min(c.T, PRICE_RING); ++t) store<f64>(cellOf(JOINED, t), at(x, t));
    }
    if (before >= 3 + warmup) {
      loadCore(p);
      trailing = -3;
      carried = p;
    }
  }
  origin = s - before;
  let first = e;
  if (carried != 0) first = 0;
  // A run with a value, or one whose state is wanted, past its seed.
  else if (e - origin > lookback || (c.stateOut != 0 && e == c.T && e - origin >= 3 + warmup)) first = start(before > 0 ? JOINED : x, origin, warmup);
  for (let t = s; t < first; ++t) putNaNAll<O>(c, t, b0, nb);
  split = before > 0 ? max(first, min(e, PRICE_RING)) : first;
  transformed = first < e;
  return first;
}

// After the segment [s, e): when it ends the call and the state is wanted,
// writes the run's age and last prices into every variant's state, and its
// transform once it runs; returns variant b0's then (the caller adds its own
// numbers, variant b0 + j's (STATE_OWN + own)·j further), else 0.
export function keepState(c: Call, b0: i32, nb: i32, e: i32, own: i32): usize {
  if (c.stateOut == 0 || e != c.T) return 0;
  const S = STATE_OWN + own, x = input(c, 0);
  const p = c.stateOut + (<usize>(S * b0) << 3);
  if (transformed) saveCore(p);
  store<f64>(cellOf(p, STATE_AGE), <f64>(e - origin));
  store<f64>(cellOf(p, STATE_PRICE_POS), <f64>((e - origin - 1) % PRICE_RING));
  for (let t = max(origin, e - PRICE_RING); t < e; ++t) store<f64>(cellOf(p, STATE_PRICES + (t - origin) % PRICE_RING), at(t < 0 ? JOINED : x, t));
  for (let j = 1; j < nb; ++j) memory.copy(cellOf(p, S * j), p, <usize>STATE_OWN << 3);
  return transformed ? p : 0;
}
