// The Hilbert transform shared by cycle.ht_*, ma.mama and ma.ht_trendline;
// mirrors HilbertCore in native/cycle/common.h. One transform runs at a time,
// so its state is module-level: scalars in globals, the filter histories and
// the smoothed-price ring in static memory.
import { at, Call, input, putNaNAll } from "../abi";

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

// Starts the transform on segment [s, e) and writes NaN up to its first bar;
// returns that bar, or e (all NaN) when the segment has no bar past `lookback`.
// The caller then runs step() on bars first..e-1, emitting from s + lookback.
export function startSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, warmup: i32, lookback: i32): i32 {
  const first = e - s <= lookback ? e : start(input(c, 0), s, warmup);
  for (let t = s; t < first; ++t) putNaNAll<O>(c, t, b0, nb);
  return first;
}
