// What several trend indicators share (see native/trend/common.h): Wilder's
// directional system (ADX, ADXR), lanes over the rolling range's windows
// (Donchian, Chandelier, Ichimoku) and TA-Lib's ATR advanced bar by bar.
import {
  at, BAD_PARAM, BLOCK, Call, input, OK, param, put, putNaNAll, putRows, rowOf, SCRATCH_TOO_SMALL, setSlot, slot,
  STATE_A, STATE_B, STATE_C, STATE_D, STATE_E,
} from "../abi";
import {
  extremeAt, extremeWindowBack, extremeWindowLevel, nearZero, seedsFirst, sumRange, trueRange, trueRanges, validAt, wilderStep, zeroDenominator,
  callWindow, windowCapacity, windowsFit,
} from "../primitives";
import { stateStride } from "../abi";

// One bar's +DM and -DM from the moves up (high - previous high) and down (previous low - low).
@inline export function plusMove(up: f64, down: f64): f64 { return up > 0.0 && up > down ? up : 0.0; }
@inline export function minusMove(up: f64, down: f64): f64 { return down > 0.0 && down > up ? down : 0.0; }

export function directionalMoves(high: usize, low: usize, T: i32, plusDM: usize, minusDM: usize): void {
  for (let t = 1; t < T; ++t) {
    const up = at(high, t) - at(high, t - 1), down = at(low, t - 1) - at(low, t);
    setSlot(plusDM, t, plusMove(up, down));
    setSlot(minusDM, t, minusMove(up, down));
  }
}

@inline export function wilderSumStep(prev: f64, x: f64, n: f64): f64 {
  return prev - prev / n + x;
}

export function directionalScratch(T: i32, W: i32, adxr: bool): f64 { return 3.0 * T + (adxr ? <f64>BLOCK * <f64>windowCapacity(T, W) : 0.0); }

// Lanes hold the sums of TR, +DM and -DM, the DX and the ADX in STATE_A..E;
// ADXR's rings of recent ADX follow +DM, -DM and TR in scratch.
// Capacity of ADXR's rings in this call, set by directionalSystemPrepare.
let adxrRing: i32 = 0;

export function directionalSystemPrepare(c: Call, withAdxr: bool): i32 {
  const W = callWindow(c, 0);
  const need = directionalScratch(c.T, W, withAdxr);
  if (<f64>c.scratchLen < need) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  adxrRing = windowCapacity(c.T, W);
  const T = c.T;
  const plusDM = c.scratch;
  const minusDM = plusDM + (<usize>T << 3);
  const tr = minusDM + (<usize>T << 3);
  directionalMoves(input(c, 0), input(c, 1), T, plusDM, minusDM);
  trueRanges(input(c, 0), input(c, 1), input(c, 2), T, tr);
  const state = c.stateIn != 0 || c.stateOut != 0;
  directionalStride = withAdxr && state ? stateStride(c) : DIRECTIONAL_STATE;
  if (state && (c.stateIn == 0 || c.stateLen < directionalStride * c.v1 || (withAdxr && (c.stateOut == 0 || directionalStride < DIRECTIONAL_STATE + W)))) return BAD_PARAM;
  // The run's first bar: before the call when bar 0 continues the state's run.
  carried = 0;
  const last = directionalState(c.stateIn, c.v0);
  if (c.stateIn != 0 && T > 0 && validAt(c, 3, 0) && load<f64>(last, 40) >= 0.0) {
    carried = <i32>load<f64>(last, 40) + 1;
    const high = at(input(c, 0), 0), low = at(input(c, 1), 0);
    const up = high - load<f64>(last, 48), down = load<f64>(last, 56) - low;
    setSlot(plusDM, 0, plusMove(up, down));
    setSlot(minusDM, 0, minusMove(up, down));
    setSlot(tr, 0, trueRange(high, low, load<f64>(last, 64)));
  }
  return OK;
}

// Kernel state of ADX (kDirectionalState in native/trend/common.h), per
// variant: the sums of TR, +DM and -DM, the last DX, the ADX, the run's age
// and the last bar's high, low and close; ADXR's adds its ring of the last
// `window` ADX, at a stride of its own (stateStride), set by directionalSystemPrepare.
const DIRECTIONAL_STATE: i32 = 9;
let directionalStride: i32 = DIRECTIONAL_STATE;
// Bars of the run before the call (0: bar 0 starts one), set by directionalSystemPrepare.
let carried: i32 = 0;

@inline function directionalState(area: usize, v: i32): usize { return area + (<usize>(directionalStride * v) << 3); }

export function directionalSystemBlock<O>(c: Call, b0: i32, nb: i32): void {
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = directionalState(c.stateOut, b0 + j), from = directionalState(c.stateIn, b0 + j);
    // ADXR's ring after the nine (stepped in place in stateOut), then the nine as a call without a valid bar leaves them.
    memory.copy(to, from, <usize>directionalStride << 3);
    leaveRunState(c, to, from, DIRECTIONAL_STATE);
  }
}

// A variant's state of S numbers ending with its run's [age, high, low,
// close] (ADX, Keltner, Supertrend) as a call without a valid bar leaves it:
// `from` with the age -1 (after a NaN bar) and the call's last bar.
export function leaveRunState(c: Call, to: usize, from: usize, S: i32): void {
  memory.copy(to, from, <usize>S << 3);
  store<f64>(to + (<usize>(S - 4) << 3), -1.0);
  for (let k = 0; k < 3; ++k) store<f64>(to + (<usize>(S - 3 + k) << 3), at(input(c, k), c.T - 1));
}

// adxWindowParam, seedParam, zeroParam: indexes of the adx_window (0: window),
// seed and zero_denominator params, -1 where absent (DirectionalParams in
// native/trend/common.h).
export function directionalSystemSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, withAdxr: bool, adxWindowParam: i32, seedParam: i32, zeroParam: i32): void {
  const T = c.T;
  const plusDM = c.scratch;
  const minusDM = plusDM + (<usize>T << 3);
  const tr = minusDM + (<usize>T << 3);
  const history = tr + (<usize>T << 3);
  const ring = adxrRing;
  const sTR = STATE_A, sPlus = STATE_B, sMinus = STATE_C, dx = STATE_D, adx = STATE_E;
  const start = s == 0 ? -carried : s;
  for (let j = 0; j < nb; ++j) {
    const v = b0 + j;
    if (start < s) {
      const from = directionalState(c.stateIn, v);
      setSlot(sTR, j, load<f64>(from));
      setSlot(sPlus, j, load<f64>(from, 8));
      setSlot(sMinus, j, load<f64>(from, 16));
      setSlot(dx, j, load<f64>(from, 24));
      setSlot(adx, j, load<f64>(from, 32));
      continue;
    }
    // The seeds: n times the first bar's values, or ages 1 .. n-1 summed in order below.
    const seedFirst = seedParam >= 0 && seedsFirst(c, seedParam, v);
    setSlot(sTR, j, seedFirst ? param(c, 0, v) * (at(input(c, 0), s) - at(input(c, 1), s)) : 0.0);
    setSlot(sPlus, j, 0.0);
    setSlot(sMinus, j, 0.0);
    setSlot(dx, j, 0.0);
    setSlot(adx, j, 0.0);
  }
  for (let t = s; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const n = param(c, 0, v);
      const w = <i32>n;
      const seedFirst = seedParam >= 0 && seedsFirst(c, seedParam, v);
      const m = adxWindowParam >= 0 && param(c, adxWindowParam, v) > 0.0 ? param(c, adxWindowParam, v) : n;
      const first = seedFirst ? start : start + w, adxFrom = seedFirst ? start + 1 : first + <i32>m - 1;
      if (t < first) {
        if (t > start) {
          setSlot(sTR, j, slot(sTR, j) + at(tr, t));
          setSlot(sPlus, j, slot(sPlus, j) + at(plusDM, t));
          setSlot(sMinus, j, slot(sMinus, j) + at(minusDM, t));
        }
        putNaNAll<O>(c, t, v, 1);
        continue;
      }
      // Seeding with the first bar, its values are the seed.
      const step = t > start || !seedFirst;
      const str = step ? wilderSumStep(slot(sTR, j), at(tr, t), n) : slot(sTR, j);
      const sp = step ? wilderSumStep(slot(sPlus, j), at(plusDM, t), n) : slot(sPlus, j);
      const sm = step ? wilderSumStep(slot(sMinus, j), at(minusDM, t), n) : slot(sMinus, j);
      setSlot(sTR, j, str);
      setSlot(sPlus, j, sp);
      setSlot(sMinus, j, sm);
      const flat = nearZero(str);
      const plusDI = flat ? 0.0 : 100.0 * (sp / str);
      const minusDI = flat ? 0.0 : 100.0 * (sm / str);
      const sum = minusDI + plusDI;
      const defined = !flat && !nearZero(sum);
      const x = defined ? 100.0 * (Math.abs(minusDI - plusDI) / sum) : 0.0;
      if (defined) setSlot(dx, j, x);
      let a = slot(adx, j);
      if (t < adxFrom) a += x;
      else if (t == adxFrom) a = seedFirst ? x : (a + x) / m;
      else if (defined) a = wilderStep(a, x, m);
      setSlot(adx, j, a);
      if (withAdxr) {
        // ADXR averages the ADX with the one n-1 bars back, kept in slot age mod n
        // (of the ring in stateOut with state, else in scratch).
        const lane = c.stateOut != 0 ? directionalState(c.stateOut, v) + (<usize>DIRECTIONAL_STATE << 3) : history + (<usize>j * <usize>ring << 3);
        const age = t - start;
        let r: f64 = NaN;
        if (t >= adxFrom) {
          if (t >= adxFrom + w - 1) r = (a + slot(lane, (age + 1) % w)) / 2.0;
          setSlot(lane, age % w, a);
        }
        put<O>(c, 0, t, v, r);
      } else {
        const zeroNaN = zeroParam >= 0 && isNaN(zeroDenominator(c, zeroParam, v, 0.0));
        const blankDI = zeroNaN && flat, blankDX = zeroNaN && !defined;
        put<O>(c, 0, t, v, t >= adxFrom && !blankDX ? a : NaN);
        put<O>(c, 1, t, v, blankDI ? NaN : plusDI);
        put<O>(c, 2, t, v, blankDI ? NaN : minusDI);
        put<O>(c, 3, t, v, blankDX ? NaN : slot(dx, j));
      }
    }
  }
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = directionalState(c.stateOut, b0 + j);
    storeLanes(to, j);  // sTR, sPlus, sMinus, dx, adx
    store<f64>(to, e == c.T ? <f64>(e - 1 - start) : -1.0, 40);
  }
}

// Lane j of STATE_A..E into a state's first five numbers (the directional
// system's sums, DX and ADX; the SAR lane).
function storeLanes(to: usize, j: i32): void {
  store<f64>(to, slot(STATE_A, j));
  store<f64>(to, slot(STATE_B, j), 8);
  store<f64>(to, slot(STATE_C, j), 16);
  store<f64>(to, slot(STATE_D, j), 24);
  store<f64>(to, slot(STATE_E, j), 32);
}

// For a lane that reads window w at every bar (RollingExtreme::window): the
// byte offset of the level serving w, the same in every table over T bars,
// into `offsets`, and how far back its second span ends into `backs`.
export function laneWindow(offsets: usize, backs: usize, j: i32, T: i32, w: i32): void {
  setSlot(offsets, j, <f64>extremeWindowLevel(0, T, w));
  setSlot(backs, j, <f64>extremeWindowBack(w));
}

// The channel midpoint of lane j's window at bar t.
@inline export function laneMid(highs: usize, lows: usize, offsets: usize, backs: usize, j: i32, t: i32): f64 {
  const offset = <usize>slot(offsets, j), back = <i32>slot(backs, j);
  return (extremeAt(true, highs + offset, back, t) + extremeAt(false, lows + offset, back, t)) / 2.0;
}

// Advances the ATR of lane j in `area` (segment from s) to bar t >= s + n, or
// t >= s seeding from the first bar (firstRange: bar s's high - low).
@inline export function atrAdvance(area: usize, j: i32, tr: usize, s: i32, t: i32, n: f64, seedFirst: bool = false, firstRange: f64 = 0.0): f64 {
  const w = <i32>n;
  const a = seedFirst
    ? (t == s ? firstRange : wilderStep(slot(area, j), at(tr, t), n))
    : (t == s + w ? sumRange(tr, s + 1, w) / n : wilderStep(slot(area, j), at(tr, t), n));
  setSlot(area, j, a);
  return a;
}

// TA-Lib's SAR (PSAR, SAREXT); mirrors SarLane in native/trend/common.h. A
// long SAR may not rise into the range of the previous or the current bar, a
// short one may not fall into it.
@inline function belowBars(sar: f64, prevLow: f64, low: f64): f64 {
  if (sar > prevLow) sar = prevLow;
  if (sar > low) sar = low;
  return sar;
}

@inline function aboveBars(sar: f64, prevHigh: f64, high: f64): f64 {
  if (sar < prevHigh) sar = prevHigh;
  if (sar < high) sar = high;
  return sar;
}

// std::min(x, cap), as native/trend/common.h steps the acceleration.
@inline function capped(x: f64, cap: f64): f64 { return cap < x ? cap : x; }

// Lane j's sar, ep, afLong, afShort and isLong (1 or 0), in STATE_A..E.
export function setSarLane(j: i32, sar: f64, ep: f64, afLong: f64, afShort: f64, isLong: bool): void {
  setSlot(STATE_A, j, sar);
  setSlot(STATE_B, j, ep);
  setSlot(STATE_C, j, afLong);
  setSlot(STATE_D, j, afShort);
  setSlot(STATE_E, j, isLong ? 1.0 : 0.0);
}

@inline export function sarLaneIsLong(j: i32): bool { return slot(STATE_E, j) != 0.0; }

// One bar of lane j in TA-Lib's order: report the SAR (on a reversal, the
// extreme point pushed away from the price by offset), update the extreme
// point and acceleration (start on a reversal, step on a new extreme, up to
// the maximum; long and short side), then step the SAR. Returns the SAR
// reported at the bar, unsigned; sarLaneIsLong(j) is then that bar's trend.
export function sarBar(
  j: i32, prevHigh: f64, prevLow: f64, high: f64, low: f64, offset: f64,
  initLong: f64, stepLong: f64, maxLong: f64, initShort: f64, stepShort: f64, maxShort: f64,
): f64 {
  let sar = slot(STATE_A, j), ep = slot(STATE_B, j), afLong = slot(STATE_C, j), afShort = slot(STATE_D, j);
  let isLong = sarLaneIsLong(j);
  let reported: f64;
  if (isLong) {
    if (low <= sar) {
      isLong = false;
      reported = aboveBars(ep, prevHigh, high);
      if (offset != 0.0) reported += reported * offset;
      afShort = initShort;
      ep = low;
      sar = aboveBars(reported + afShort * (ep - reported), prevHigh, high);
    } else {
      reported = sar;
      if (high > ep) { ep = high; afLong = capped(afLong + stepLong, maxLong); }
      sar = belowBars(sar + afLong * (ep - sar), prevLow, low);
    }
  } else {
    if (high >= sar) {
      isLong = true;
      reported = belowBars(ep, prevLow, low);
      if (offset != 0.0) reported -= reported * offset;
      afLong = initLong;
      ep = high;
      sar = belowBars(reported + afLong * (ep - reported), prevLow, low);
    } else {
      reported = sar;
      if (low < ep) { ep = low; afShort = capped(afShort + stepShort, maxShort); }
      sar = aboveBars(sar + afShort * (ep - sar), prevHigh, high);
    }
  }
  setSarLane(j, sar, ep, afLong, afShort, isLong);
  return reported;
}

// Kernel state of PSAR and SAREXT (kSarState in native/trend/common.h), per
// variant: the lane's sar, ep, afLong, afShort and isLong, the run's age and
// the last bar's high and low.
const SAR_STATE: i32 = 8;
// The run's age at the bar before the call when bar 0 continues it (-1: bar 0 starts a run), set by sarPrepare.
let sarCarried: i32 = -1;

@inline function sarState(area: usize, v: i32): usize { return area + (<usize>(SAR_STATE * v) << 3); }

export function sarPrepare(c: Call): i32 {
  if ((c.stateIn != 0 || c.stateOut != 0) && (c.stateIn == 0 || c.stateLen < SAR_STATE * c.v1)) return BAD_PARAM;
  sarCarried = c.stateIn != 0 && c.T > 0 && validAt(c, 2, 0) ? <i32>load<f64>(sarState(c.stateIn, c.v0), 40) : -1;
  return OK;
}

// As a call without a valid bar leaves the state: the age -1 and the call's last bar.
export function sarBlock(c: Call, b0: i32, nb: i32): void {
  if (c.stateOut == 0 || c.T == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = sarState(c.stateOut, b0 + j);
    memory.copy(to, sarState(c.stateIn, b0 + j), <usize>SAR_STATE << 3);
    store<f64>(to, -1.0, 40);
    store<f64>(to, at(input(c, 0), c.T - 1), 48);
    store<f64>(to, at(input(c, 1), c.T - 1), 56);
  }
}

// TA-Lib clamps SAREXT's start and step to the maximum.
@inline function clampedParam(c: Call, p: i32, maxP: i32, v: i32): f64 {
  const x = param(c, p, v), cap = param(c, maxP, v);
  return x > cap ? cap : x;
}

// PSAR's starting acceleration, clamped to the maximum.
@inline function psarStart(c: Call, v: i32): f64 {
  const start = param(c, 0, v), maxAf = param(c, 2, v);
  return start > maxAf ? maxAf : start;
}

// Lane j at the run's second bar (h1, l1; h0, l0 its first): PSAR's first
// trend from that bar's moves; SAREXT's from startvalue, or (0) the same.
function sarStartLane(c: Call, j: i32, v: i32, ext: bool, h0: f64, l0: f64, h1: f64, l1: f64): void {
  const up = h1 - h0, down = l0 - l1;
  const byMoves = !(down > 0.0 && up < down);
  if (!ext) {
    const af = psarStart(c, v);
    setSarLane(j, byMoves ? l0 : h0, byMoves ? h1 : l1, af, af, byMoves);
    return;
  }
  const start = param(c, 0, v);
  const isLong = start == 0.0 ? byMoves : start > 0.0;
  setSarLane(j, start == 0.0 ? (isLong ? l0 : h0) : Math.abs(start), isLong ? h1 : l1, clampedParam(c, 2, 4, v), clampedParam(c, 5, 7, v), isLong);
}

// Bar t of every lane of the block (ph, pl: the previous bar's high and low) and its outputs.
function sarRow<O>(c: Call, t: i32, b0: i32, nb: i32, ext: bool, ph: f64, pl: f64, h: f64, l: f64): void {
  if (!ext) {
    for (let j = 0; j < nb; ++j) {
      const v = b0 + j;
      const maxAf = param(c, 2, v), start = psarStart(c, v), step = param(c, 1, v);
      setSlot(rowOf(0), j, sarBar(j, ph, pl, h, l, 0.0, start, step, maxAf, start, step, maxAf));
      setSlot(rowOf(1), j, sarLaneIsLong(j) ? 1.0 : -1.0);
    }
    putRows<O>(c, t, b0, nb, 2);
    return;
  }
  for (let j = 0; j < nb; ++j) {
    const v = b0 + j;
    const sar = sarBar(j, ph, pl, h, l, param(c, 1, v),
      clampedParam(c, 2, 4, v), clampedParam(c, 3, 4, v), param(c, 4, v), clampedParam(c, 5, 7, v), clampedParam(c, 6, 7, v), param(c, 7, v));
    put<O>(c, 0, t, v, sarLaneIsLong(j) ? sar : -sar);
  }
}

// sarSystem of native/trend/common.h: PSAR (ext false) or SAREXT over a run [s, e).
export function sarSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, ext: bool): void {
  const high = input(c, 0), low = input(c, 1);
  const carry = s == 0 && sarCarried >= 0;
  if (!carry) putNaNAll<O>(c, s, b0, nb);
  if (!carry && e - s < 2) {
    // A run of one bar: its age, the lanes left as they were.
    if (c.stateOut != 0 && e == c.T) for (let j = 0; j < nb; ++j) store<f64>(sarState(c.stateOut, b0 + j), 0.0, 40);
    return;
  }
  let t = carry ? 0 : s + 1;
  const last = sarState(c.stateIn, b0);
  const h0 = carry ? load<f64>(last, 48) : at(high, s), l0 = carry ? load<f64>(last, 56) : at(low, s);
  const h1 = at(high, t), l1 = at(low, t);
  const starts = !carry || sarCarried == 0;
  for (let j = 0; j < nb; ++j) {
    const v = b0 + j;
    if (starts) {
      sarStartLane(c, j, v, ext, h0, l0, h1, l1);
    } else {
      const from = sarState(c.stateIn, v);
      setSarLane(j, load<f64>(from), load<f64>(from, 8), load<f64>(from, 16), load<f64>(from, 24), load<f64>(from, 32) != 0.0);
    }
  }
  // TA-Lib's first bar is its own previous bar.
  sarRow<O>(c, t, b0, nb, ext, starts ? h1 : h0, starts ? l1 : l0, h1, l1);
  for (++t; t < e; ++t) sarRow<O>(c, t, b0, nb, ext, at(high, t - 1), at(low, t - 1), at(high, t), at(low, t));
  if (c.stateOut == 0) return;
  const first = carry ? -sarCarried - 1 : s;
  for (let j = 0; j < nb; ++j) {
    const to = sarState(c.stateOut, b0 + j);
    storeLanes(to, j);
    if (e == c.T) store<f64>(to, <f64>(e - 1 - first), 40);
  }
}
