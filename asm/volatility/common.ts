// What several volatility measures share (see native/volatility/common.h):
// TA-Lib's ATR over true ranges computed once per call, and the
// rolling-variance family.
import {
  at, BAD_PARAM, BLOCK, Call, input, OK, param, put, putNaNAll, SCRATCH_TOO_SMALL, setSlot, slot, STATE_A,
  STATE_B, STATE_C, stateStride,
} from "../abi";
import { diagonalPush, diagonalSums } from "../ma/common";
import { denseValue, denseVariant, denseWindow, denseWma, hasLane, lanePush, laneSize, MA_SMA, maLookback, movingAverage, setDense } from "../matype";
import { callWindow, chunkFor, MOMENTS, momentsGoingOn, momentsInput, momentsRun, RollingMoments, rollingMomentsScratch, seedsFirst, segmentEnd, skipGaps, sumOnto, sumRange, trueRange, trueRanges, validAt, wilderStep } from "../primitives";

export function averageTrueRangeScratch(T: i32): f64 { return <f64>T; }

@inline function natrValue(atr: f64, close: f64): f64 { return close != 0.0 ? (atr / close) * 100.0 : NaN; }

// Kernel state per variant (kAtrState in native/volatility/common.h): the average (its sum while seeding), the run's last close, its age.
const ATR_STATE: i32 = 3;

// The age at bar -1 of the run the state stands in, continued by a valid bar 0 (-1: none); set by averageTrueRangePrepare.
let atrAge0: i32 = -1;

@inline function atrState(area: usize, v: i32): usize { return area + (<usize>(ATR_STATE * v) << 3); }

export function averageTrueRangePrepare(c: Call, normalized: bool): i32 {
  if (<f64>c.scratchLen < averageTrueRangeScratch(c.T)) return SCRATCH_TOO_SMALL;
  if ((c.stateIn != 0 || c.stateOut != 0) && (c.stateIn == 0 || c.stateLen < ATR_STATE * c.v1)) return BAD_PARAM;
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const ranges = c.scratch;
  trueRanges(high, low, close, c.T, ranges);
  atrAge0 = -1;
  if (c.stateIn != 0 && c.T > 0 && validAt(c, 3, 0)) {
    const from = atrState(c.stateIn, c.v0);  // the same run in every variant
    atrAge0 = <i32>load<f64>(from, 16);
    if (atrAge0 >= 0) store<f64>(ranges, trueRange(at(high, 0), at(low, 0), load<f64>(from, 8)));
  }
  return OK;
}

// The state out of a block before its runs: the state in, no run going on.
export function averageTrueRangeBlock(c: Call, b0: i32, nb: i32): void {
  if (c.stateOut == 0) return;
  memory.copy(atrState(c.stateOut, b0), atrState(c.stateIn, b0), <usize>(ATR_STATE * nb) << 3);
  for (let j = 0; j < nb; ++j) store<f64>(atrState(c.stateOut, b0 + j), -1.0, 16);
}

// Seed 'first' (param seedParam) starts from the first bar's high − low (averageTrueRange in native/volatility/common.h).
export function averageTrueRangeSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, normalized: bool, seedParam: i32): void {
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const ranges = c.scratch;
  const state = STATE_A, carried = STATE_B, seedAt = STATE_C;
  const start = s == 0 ? -(atrAge0 + 1) : s;  // the run's first bar
  const from = max(start + 1, s);            // its first true range in this call
  for (let j = 0; j < nb; ++j) {
    const n = param(c, 0, b0 + j);
    const first = seedsFirst(c, seedParam, b0 + j);
    const sa = first ? <f64>start : <f64>start + n;
    setSlot(seedAt, j, sa);
    // The average, or the sum so far, at bar s - 1.
    setSlot(carried, j, start < s ? load<f64>(atrState(c.stateIn, b0 + j)) : 0.0);
    if (sa < <f64>s) setSlot(state, j, slot(carried, j));
    else setSlot(state, j, first ? at(high, s) - at(low, s) : sa < <f64>e ? sumOnto(slot(carried, j), ranges, from, <i32>sa + 1 - from) / n : NaN);
  }
  for (let t = s; t < e; ++t) {
    const tf = <f64>t;
    for (let j = 0; j < nb; ++j) {
      const sa = slot(seedAt, j);
      if (tf > sa) setSlot(state, j, wilderStep(slot(state, j), at(ranges, t), param(c, 0, b0 + j)));
      const v = normalized ? natrValue(slot(state, j), at(close, t)) : slot(state, j);
      put<O>(c, 0, t, b0 + j, tf >= sa ? v : NaN);
    }
  }
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = atrState(c.stateOut, b0 + j);
    store<f64>(to, slot(seedAt, j) < <f64>e ? slot(state, j) : sumOnto(slot(carried, j), ranges, from, e - from));
    store<f64>(to, at(close, e - 1), 8);
    store<f64>(to, e == c.T ? <f64>(e - 1 - start) : -1.0, 16);
  }
}

@inline function taStddev(variance: f64): f64 { return variance < 1e-14 ? 0.0 : Math.sqrt(variance); }

// The rolling-variance family (see spread in native/volatility/common.h).
export const VARIANCE = 0, STDDEV = 1, BANDS = 2, BANDWIDTH = 3, PERCENT_B = 4;

export function spreadScratch(T: i32, W: i32): f64 { return rollingMomentsScratch(T, W); }

// The bands keep a middle band and TA_MA's work (T each) beyond the moments.
export function bandsScratch(T: i32, W: i32): f64 { return rollingMomentsScratch(T, W) + 2.0 * <f64>T; }

// One bar of the bands (putBands in native/volatility/common.h).
function putBands<O>(c: Call, kind: i32, t: i32, v: i32, mid: f64, dev: f64, fromMid: f64): void {
  const upper = mid + dev, lower = mid - dev;
  if (kind == BANDS) {
    put<O>(c, 0, t, v, mid);
    put<O>(c, 1, t, v, upper);
    put<O>(c, 2, t, v, lower);
  } else if (kind == BANDWIDTH) {
    put<O>(c, 0, t, v, mid != 0.0 ? (dev + dev) / mid : NaN);
  } else {
    put<O>(c, 0, t, v, upper != lower ? (fromMid + dev) / (dev + dev) : NaN);
  }
}

// A middle band of another matype than 'sma' (param 2): TA_MA over each valid run (bandsByType in C++).
function bandsByType<O>(c: Call, kind: i32, m: RollingMoments, v: i32): void {
  const type = <i32>param(c, 2, v), w = <i32>param(c, 0, v);
  const first = max(maLookback(type, w), w - 1);
  const x = input(c, 0);
  const mid = c.scratch + (<usize>rollingMomentsScratch(c.T, callWindow(c, 0)) << 3), work = mid + (<usize>c.T << 3);
  let t = 0;
  while ((t = skipGaps<O>(c, 1, t, v, 1)) < c.T) {
    const s = t, e = segmentEnd(c, 1, t);
    movingAverage(type, w, x, s, e, mid, work);
    for (t = s; t < e; ++t) {
      if (t - s < first) { putNaNAll<O>(c, t, v, 1); continue; }
      const mt = at(mid, t);
      putBands<O>(c, kind, t, v, mt, taStddev(m.variance(t, w)) * param(c, 1, v), at(x, t) - mt);
    }
  }
}

// The middle bands of the block's 'wma' variants with windows up to
// DENSE_WMA (lanes 0..count of setDense), bar by bar from one diagonal of the
// source (bandsByDenseWma in C++).
function bandsByDenseWma<O>(c: Call, kind: i32, m: RollingMoments, count: i32, depth: i32): void {
  const x = input(c, 0);
  let t = 0;
  while (t < c.T) {
    if (!validAt(c, 1, t)) {
      for (let i = 0; i < count; ++i) putNaNAll<O>(c, t, denseVariant(i), 1);
      ++t;
      continue;
    }
    const s = t, e = segmentEnd(c, 1, t);
    let parity = 0;
    for (t = s; t < e; ++t) {
      const xt = at(x, t);
      parity ^= 1;
      diagonalPush(parity, depth, xt);
      const sums = diagonalSums(parity);
      for (let i = 0; i < count; ++i) {
        const v = denseVariant(i), w = denseWindow(i, 0);
        if (t - s < w - 1) { putNaNAll<O>(c, t, v, 1); continue; }
        const mid = denseValue(sums, i, 0);
        putBands<O>(c, kind, t, v, mid, taStddev(m.variance(t, w)) * param(c, 1, v), xt - mid);
      }
    }
  }
}

// The bands continuing a stream's run from a state per variant (BandsLanes and bandsByLane
// in native/volatility/common.h): [-stride, lead, age, the variant's TA_MA lane].
const LANE_HEAD: i32 = 3;

function bandsByLanes<O>(c: Call, kind: i32, W: i32): i32 {
  const stride = stateStride(c);
  if (c.stateOut == 0 || stride < LANE_HEAD) return BAD_PARAM;
  const head = c.stateIn + (<usize>(stride * c.v0) << 3);
  const lead = <i32>load<f64>(head, 8), age = <i32>load<f64>(head, 16);
  if (-load<f64>(head) != <f64>stride || lead < chunkFor(<f64>max(W, 1)) || lead >= c.T || age < 0) return BAD_PARAM;
  for (let v = c.v0; v < c.v1; ++v) {
    const type = <i32>param(c, 2, v), n = <i32>param(c, 0, v);
    if (type != MA_SMA && (!hasLane(type, n) || stride < LANE_HEAD + laneSize(type, n))) return BAD_PARAM;
  }
  const x = input(c, 0);
  // The moments over the whole call, its run going on from age - lead bars before bar 0 (a gap among the lead's bars restarts it).
  momentsGoingOn(x, c.scratch, <f64>max(age - lead, 0));
  const m = MOMENTS;
  memory.copy(c.stateOut + (<usize>(stride * c.v0) << 3), head, <usize>(stride * (c.v1 - c.v0)) << 3);
  let r1 = c.v0;
  for (let r0 = c.v0; r0 < c.v1; r0 = r1) {
    r1 = momentsRun(c, 0, r0);
    for (let v = r0; v < r1; ++v) {
      const type = <i32>param(c, 2, v), w = <i32>param(c, 0, v);
      const sma = type == MA_SMA, first = sma ? w - 1 : max(maLookback(type, w), w - 1);
      const mult = param(c, 1, v);
      const to = c.stateOut + (<usize>(stride * v) << 3), s = to + (<usize>LANE_HEAD << 3);
      const size = sma ? 0 : laneSize(type, w);
      let origin = 0, toEnd = false;
      for (let t = 0; t < lead; ++t) putNaNAll<O>(c, t, v, 1);
      let t = lead;
      // The segment holding bar lead, if any, began before it: from its first bar.
      while (t > 0 && validAt(c, 1, t - 1)) --t;
      while (t < c.T) {
        if (!validAt(c, 1, t)) {
          if (t >= lead) putNaNAll<O>(c, t, v, 1);
          ++t;
          continue;
        }
        const s0 = t, e = segmentEnd(c, 1, t);
        if (e <= lead) { t = e; continue; }
        const goesOn = s0 < lead;
        origin = goesOn ? lead - age : s0;
        if (!goesOn && !sma) memory.fill(s, 0, <usize>size << 3);
        for (t = goesOn ? lead : s0; t < e; ++t) {
          const xt = at(x, t);
          const mid = sma ? 0.0 : lanePush(type, w, s, xt);
          if (t - origin < first) { putNaNAll<O>(c, t, v, 1); continue; }
          if (sma) {
            m.measure(t, w);
            putBands<O>(c, kind, t, v, m.wMean, taStddev(m.wVariance) * mult, m.wDeviation);
          } else putBands<O>(c, kind, t, v, mid, taStddev(m.variance(t, w)) * mult, xt - mid);
        }
        toEnd = e == c.T;
      }
      store<f64>(to, toEnd ? <f64>(c.T - origin) : 0.0, 16);
      if (!toEnd && !sma) memory.fill(s, 0, <usize>size << 3);
    }
  }
  return OK;
}

export function spread<O>(c: Call, kind: i32): i32 {
  const bands = kind != VARIANCE && kind != STDDEV;
  const W = callWindow(c, 0);
  const need = bands ? bandsScratch(c.T, W) : spreadScratch(c.T, W);
  if (<f64>c.scratchLen < need) return SCRATCH_TOO_SMALL;
  if (bands && c.stateIn != 0 && c.stateLen > 0 && load<f64>(c.stateIn) < 0.0) return bandsByLanes<O>(c, kind, W);
  const x = input(c, 0);
  if (!momentsInput(c, 0, x, c.scratch, c.stateIn, c.stateOut, c.stateLen)) return BAD_PARAM;
  // With the per-source state, the middle band of every variant is the moments' mean (bandsByLanes continues the others).
  if (bands && c.stateIn != 0) for (let v = c.v0; v < c.v1; ++v) if (<i32>param(c, 2, v) != MA_SMA) return BAD_PARAM;
  const m = MOMENTS;
  let r1 = c.v0;
  for (let r0 = c.v0; r0 < c.v1; r0 = r1) {
    r1 = momentsRun(c, 0, r0);
    for (let b0 = r0; b0 < r1; b0 += BLOCK) {
      const b1 = min(b0 + BLOCK, r1);
      for (let t = 0; t < c.T; ++t) {
        // Neighbouring variants of one window (a grid's mults of it) share its moments.
        let measured = -1, mean = 0.0, variance = 0.0, deviation = 0.0;
        for (let v = b0; v < b1; ++v) {
          if (bands && <i32>param(c, 2, v) != MA_SMA) continue;
          const w = <i32>param(c, 0, v);
          if (!m.valid(t, w)) { putNaNAll<O>(c, t, v, 1); continue; }
          if (w != measured) {
            measured = w;
            if (bands) {
              m.measure(t, w);
              mean = m.wMean; variance = m.wVariance; deviation = m.wDeviation;
            } else variance = m.variance(t, w);
          }
          if (kind == VARIANCE) {
            put<O>(c, 0, t, v, variance);
          } else if (kind == STDDEV) {
            put<O>(c, 0, t, v, taStddev(variance) * param(c, 1, v));
          } else {
            putBands<O>(c, kind, t, v, mean, taStddev(variance) * param(c, 1, v), deviation);
          }
        }
      }
      if (!bands) continue;
      let count = 0, depth = 0;
      for (let v = b0; v < b1; ++v) {
        const type = <i32>param(c, 2, v), w = <i32>param(c, 0, v);
        if (type == MA_SMA) continue;
        if (!denseWma(type, w)) { bandsByType<O>(c, kind, m, v); continue; }
        setDense(count++, v, 0, w);
        depth = max(depth, w);
      }
      if (count > 0) bandsByDenseWma<O>(c, kind, m, count, depth);
    }
  }
  return OK;
}
