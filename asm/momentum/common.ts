// What several momentum indicators share (see native/momentum/common.h):
// lags (MOM, ROC), Wilder gains and losses (RSI, CMO), spreads of EMAs (MACD,
// PPO, APO). Where C++ passes a lambda or a template flag, a flag argument
// picks the formula.
import {
  at, BAD_PARAM, BLOCK, Call, input, OK, param, put, putNaNAll, putRow, ROW, SCRATCH_TOO_SMALL, selected, setSlot, slot,
  stateStride, STATE_A, STATE_B, STATE_C, STATE_D, STATE_E, wholeSeries,
} from "../abi";
import {
  averageLane, buildRange, callWindow, EXTREME_HIGH, EXTREME_LOW, extremeAt, extremeRows, laneRow, extremeWindowBack, extremeWindowLevel, MonotonicDeque,
  nearZero, rangeLows, rangeScratch, rsiFromAverages, RUNNING_MEAN_HEAD, RunningMean, SeededAverage, seedsFirst, sumOnto, sumRange, validAt, zeroDenominator, wilderStep,
  windowCapacity, windowSetAdd, windowSetBegin, windowSetEnd, windowsFit,
} from "../primitives";
import { diagonalPush, diagonalSums } from "../ma/common";
import { denseValue, denseVariant, denseWindow, denseWma, hasLane, lanePush, laneSize, MA_EMA, MA_SMA, maLookback, movingAverage, setDense } from "../matype";
import { directionalMoves, minusMove, plusMove, wilderSumStep } from "../trend/common";

// MOM and the rates of change (see native/momentum/common.h): x[t] - x[t-n]
// (LAG_DIFFERENCE), that times scale (LAG_CHANGE: ROC, ROCP) or x[t] times
// scale (LAG_RATIO: ROCR, ROCR100), scale = unit / x[t-n].
export const LAG_DIFFERENCE: i32 = 0, LAG_CHANGE: i32 = 1, LAG_RATIO: i32 = 2;

@inline function lagValue(kind: i32, xt: f64, past: f64, scale: f64): f64 {
  return kind == LAG_DIFFERENCE ? xt - past : kind == LAG_CHANGE ? (xt - past) * scale : xt * scale;
}

// The same for two lanes; sub and mul are correctly rounded in v128 too.
@inline function lagValues(kind: i32, xt: v128, past: v128, scale: v128): v128 {
  return kind == LAG_DIFFERENCE ? f64x2.sub(xt, past) : kind == LAG_CHANGE ? f64x2.mul(f64x2.sub(xt, past), scale) : f64x2.mul(xt, scale);
}

// Scratch of lagged: x reversed (T); the rates also keep their scaled
// reciprocals, forward and reversed (2T). For a range of lags the earlier
// values of one bar are a run read backward, which the reversed copies turn
// into a forward run (LagInputs in native/momentum/common.h).
export function laggedScratch(T: i32, kind: i32): f64 { return kind != LAG_DIFFERENCE ? 3.0 * <f64>T : <f64>T; }

@inline function lagReversed(c: Call): usize { return c.scratch; }
@inline function lagScale(c: Call): usize { return c.scratch + (<usize>c.T << 3); }
@inline function lagScaleReversed(c: Call): usize { return c.scratch + (<usize>c.T << 4); }

function reversed(x: usize, T: i32, rev: usize): void {
  for (let t = 0; t < T; ++t) store<f64>(rev + (<usize>(T - 1 - t) << 3), at(x, t));
}

export function laggedPrepare(c: Call, kind: i32, unit: f64): i32 {
  if (<f64>c.scratchLen < laggedScratch(c.T, kind)) return SCRATCH_TOO_SMALL;
  const x = input(c, 0);
  reversed(x, c.T, lagReversed(c));
  if (kind != LAG_DIFFERENCE) {
    const scale = lagScale(c);
    for (let t = 0; t < c.T; ++t) {
      const v = at(x, t);
      store<f64>(scale + (<usize>t << 3), v != 0.0 ? unit / v : 0.0);
    }
    reversed(scale, c.T, lagScaleReversed(c));
  }
  return OK;
}

// Bars t-n..t are all valid from bar s + n of a segment on. Time-major output
// is written a row of the block per bar, as in C++: rows past every lag of
// the block skip the warm-up test, and consecutive lags (default grids) read
// the reversed copies two lanes per v128. A whole-series variant-major tile
// takes one contiguous run per variant. The rates' zero_denominator is
// param 1: 'nan' overwrites TA-Lib's 0 with NaN where x[t-n] is 0, in a
// second pass (blankZeroPast in native/momentum/common.h).
export function laggedSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, kind: i32): void {
  if (!selected(c, 0)) return;
  if (kind == LAG_DIFFERENCE) lagRows<O>(c, b0, nb, s, e, LAG_DIFFERENCE);
  else if (kind == LAG_CHANGE) lagRows<O>(c, b0, nb, s, e, LAG_CHANGE);
  else lagRows<O>(c, b0, nb, s, e, LAG_RATIO);
  if (kind == LAG_DIFFERENCE) return;
  const x = input(c, 0);
  for (let j = 0; j < nb; ++j) {
    if (!isNaN(zeroDenominator(c, 1, b0 + j, 0.0))) continue;
    const n = <i32>param(c, 0, b0 + j);
    for (let t = s + n; t < e; ++t) if (at(x, t - n) == 0.0) put<O>(c, 0, t, b0 + j, NaN);
  }
}

// laggedSegment for one kind, inlined so that the kind is a constant.
@inline function lagRows<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, kind: i32): void {
  const x = input(c, 0), scale = lagScale(c);
  const scaled = kind != LAG_DIFFERENCE;
  if (c.timeStride == 1 && wholeSeries(c)) {
    const dst = load<usize>(c.outPtrs);
    for (let j = 0; j < nb; ++j) {
      const n = <i32>param(c, 0, b0 + j);
      const o = dst + <usize>(b0 + j) * <usize>c.variantStride * sizeof<O>();
      const from = min(s + n, e);
      for (let t = s; t < from; ++t) store<O>(o + <usize>t * sizeof<O>(), <O>NaN);
      for (let t = from; t < e; ++t) {
        store<O>(o + <usize>t * sizeof<O>(), <O>lagValue(kind, at(x, t), at(x, t - n), scaled ? at(scale, t - n) : 0.0));
      }
    }
    return;
  }
  const lags = STATE_A;
  const n0 = <i32>param(c, 0, b0);
  let maxLag = 0;
  let range = true;
  for (let j = 0; j < nb; ++j) {
    const n = <i32>param(c, 0, b0 + j);
    store<i32>(lags + (<usize>j << 2), n);
    maxLag = max(maxLag, n);
    range = range && n == n0 + j;
  }
  const xRev = lagReversed(c), scaleRev = lagScaleReversed(c);
  const last = <usize>(c.T - 1);
  for (let t = s; t < e; ++t) {
    const xt = at(x, t);
    if (t - s < maxLag) {
      for (let j = 0; j < nb; ++j) {
        const n = load<i32>(lags + (<usize>j << 2));
        store<f64>(ROW + (<usize>j << 3), t - s >= n ? lagValue(kind, xt, at(x, t - n), scaled ? at(scale, t - n) : 0.0) : NaN);
      }
    } else if (range) {
      // past[j] = x[t - n0 - j], scales[j] its scale: forward runs of the reversed copies.
      const from = (last - <usize>(t - n0)) << 3;
      const past = xRev + from, scales = scaleRev + from;
      const xt2 = f64x2.splat(xt);
      let j = 0;
      for (; j + 2 <= nb; j += 2) {
        const at2 = <usize>j << 3;
        v128.store(ROW + at2, lagValues(kind, xt2, v128.load(past + at2), scaled ? v128.load(scales + at2) : xt2));
      }
      for (; j < nb; ++j) {
        const at1 = <usize>j << 3;
        store<f64>(ROW + at1, lagValue(kind, xt, load<f64>(past + at1), scaled ? load<f64>(scales + at1) : 0.0));
      }
    } else {
      for (let j = 0; j < nb; ++j) {
        const n = load<i32>(lags + (<usize>j << 2));
        store<f64>(ROW + (<usize>j << 3), lagValue(kind, xt, at(x, t - n), scaled ? at(scale, t - n) : 0.0));
      }
    }
    putRow<O>(c, 0, t, b0, nb, ROW);
  }
}

export function gainLossScratch(T: i32): f64 { return 2.0 * T; }

// Kernel state per variant (kGainLossState in native/momentum/common.h):
// (gain, loss) averages or sums while seeding, the run's last value, its age.
const GAIN_LOSS_STATE: i32 = 4;

// The age at bar -1 of the run the state stands in, continued by a valid bar 0 (-1: none); set by gainLossPrepare.
let gainLossAge0: i32 = -1;

@inline function gainLossState(area: usize, v: i32): usize { return area + (<usize>(GAIN_LOSS_STATE * v) << 3); }

// RSI, or CMO when cmo: 0 when the sum of the averages is ~0.
@inline function gainLossValue(gain: f64, loss: f64, cmo: bool): f64 {
  if (!cmo) return rsiFromAverages(gain, loss);
  const sum = gain + loss;
  return nearZero(sum) ? 0.0 : 100.0 * ((gain - loss) / sum);
}

export function gainLossPrepare(c: Call, cmo: bool): i32 {
  if (<f64>c.scratchLen < gainLossScratch(c.T)) return SCRATCH_TOO_SMALL;
  if ((c.stateIn != 0 || c.stateOut != 0) && (c.stateIn == 0 || c.stateLen < GAIN_LOSS_STATE * c.v1)) return BAD_PARAM;
  const x = input(c, 0);
  const gain = c.scratch, loss = c.scratch + (<usize>c.T << 3);
  for (let t = 1; t < c.T; ++t) {
    const d = at(x, t) - at(x, t - 1);
    store<f64>(gain + (<usize>t << 3), d > 0.0 ? d : 0.0);
    store<f64>(loss + (<usize>t << 3), d < 0.0 ? -d : 0.0);
  }
  gainLossAge0 = -1;
  if (c.stateIn != 0 && c.T > 0 && validAt(c, 1, 0)) {
    const from = gainLossState(c.stateIn, c.v0);  // the same run in every variant
    gainLossAge0 = <i32>load<f64>(from, 24);
    const d = at(x, 0) - load<f64>(from, 16);
    store<f64>(gain, d > 0.0 ? d : 0.0);
    store<f64>(loss, d < 0.0 ? -d : 0.0);
  }
  return OK;
}

// The state out of a block before its runs: the state in, no run going on.
export function gainLossBlock(c: Call, b0: i32, nb: i32): void {
  if (c.stateOut == 0) return;
  memory.copy(gainLossState(c.stateOut, b0), gainLossState(c.stateIn, b0), <usize>(GAIN_LOSS_STATE * nb) << 3);
  for (let j = 0; j < nb; ++j) store<f64>(gainLossState(c.stateOut, b0 + j), -1.0, 24);
}

// seedParam, zeroParam: indexes of the `seed` and `zero_denominator` params (gainLoss in native/momentum/common.h).
export function gainLossSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, cmo: bool, seedParam: i32, zeroParam: i32): void {
  const gain = c.scratch, loss = c.scratch + (<usize>c.T << 3);
  const avgGain = STATE_A, avgLoss = STATE_B, seedAt = STATE_C, fromGain = STATE_D, fromLoss = STATE_E;
  const start = s == 0 ? -(gainLossAge0 + 1) : s;  // the run's first bar
  const first = max(start + 1, s);                // its first gain in this call
  for (let j = 0; j < nb; ++j) {
    const m = seedsFirst(c, seedParam, b0 + j) ? 1.0 : param(c, 0, b0 + j);  // bars averaged into the seed
    const sa = <f64>start + m;
    setSlot(seedAt, j, sa);
    const carried = start < s;
    // The averages, or the sums so far, at bar s - 1.
    setSlot(fromGain, j, carried ? load<f64>(gainLossState(c.stateIn, b0 + j)) : 0.0);
    setSlot(fromLoss, j, carried ? load<f64>(gainLossState(c.stateIn, b0 + j), 8) : 0.0);
    if (sa < <f64>s) {
      setSlot(avgGain, j, slot(fromGain, j));
      setSlot(avgLoss, j, slot(fromLoss, j));
      continue;
    }
    const seeded = sa < <f64>e;
    const n = <i32>sa + 1 - first;
    setSlot(avgGain, j, seeded ? sumOnto(slot(fromGain, j), gain, first, n) / m : NaN);
    setSlot(avgLoss, j, seeded ? sumOnto(slot(fromLoss, j), loss, first, n) / m : NaN);
  }
  for (let t = s; t < e; ++t) {
    const tf = <f64>t;
    for (let j = 0; j < nb; ++j) {
      const sa = slot(seedAt, j);
      if (tf > sa) {
        const n = param(c, 0, b0 + j);
        setSlot(avgGain, j, wilderStep(slot(avgGain, j), at(gain, t), n));
        setSlot(avgLoss, j, wilderStep(slot(avgLoss, j), at(loss, t), n));
      }
      let v = NaN;
      if (tf >= sa) {
        const g = slot(avgGain, j), l = slot(avgLoss, j);
        v = gainLossValue(g, l, cmo);
        if (nearZero(g + l)) v = zeroDenominator(c, zeroParam, b0 + j, v);
      }
      put<O>(c, 0, t, b0 + j, v);
    }
  }
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = gainLossState(c.stateOut, b0 + j);
    const seeded = slot(seedAt, j) < <f64>e;
    store<f64>(to, seeded ? slot(avgGain, j) : sumOnto(slot(fromGain, j), gain, first, e - first));
    store<f64>(to, seeded ? slot(avgLoss, j) : sumOnto(slot(fromLoss, j), loss, first, e - first), 8);
    store<f64>(to, at(input(c, 0), e - 1), 16);
    store<f64>(to, e == c.T ? <f64>(e - 1 - start) : -1.0, 24);
  }
}

// TA-Lib PPO: 0 where the slow EMA is ~0.
@inline function emaPercent(fast: f64, slow: f64): f64 {
  return nearZero(slow) ? 0.0 : ((fast - slow) / slow) * 100.0;
}

// Fast and slow EMAs (lanes of chains 0 and 1) and their difference, or
// percent difference when percent; with withSignal a signal EMA (chain 2) and
// the histogram. macd selects MACD's fast-EMA alignment and common first bar;
// seedParam is the index of the `seed` param (-1: none, seeded like TA-Lib);
// fixed is MACDFIX (12 and 26 bars, k 0.15 and 0.075, signal window param 0);
// zeroParam is PPO's `zero_denominator` (-1: none); maParam is APO's and
// PPO's `matype`, whose 'ema' variants alone run here (-1: all; MACDEXT:
// maCount 3, all three types 'ema'); copyAtOne (MACDEXT) takes the line
// itself for a signal window of 1 (SpreadStyle in native/momentum/common.h).
// Whether variant v runs in emaSpreadSegment: its maCount MA-type params from maParam are all 'ema'.
export function spreadsEma(c: Call, maParam: i32, maCount: i32, v: i32): bool {
  for (let p = maParam; p >= 0 && p < maParam + maCount; ++p) if (<i32>param(c, p, v) != MA_EMA) return false;
  return true;
}

// Kernel state per variant (kSpreadState in native/momentum/common.h): the
// (value, count) of the fast, slow and signal averages, the run's age.
const SPREAD_STATE: i32 = 7;

// A grid with variants of other MA types (laneSpreadSegment) lays each
// variant's part out at a stride (stateStride), SPREAD_STATE numbers first.
let spreadStride: i32 = SPREAD_STATE;

@inline function spreadState(area: usize, v: i32): usize { return area + (<usize>(spreadStride * v) << 3); }

// prepare() of the kernels that run emaSpreadSegment: a state of the wrong size is refused.
export function emaSpreadPrepare(c: Call): i32 {
  spreadStride = c.stateIn != 0 ? stateStride(c) : SPREAD_STATE;
  return (c.stateIn != 0 || c.stateOut != 0) && (c.stateIn == 0 || spreadStride < SPREAD_STATE) ? BAD_PARAM : OK;
}

// The state out of a block before its runs: the state in, no run going on.
export function emaSpreadBlock(c: Call, b0: i32, nb: i32): void {
  if (c.stateOut == 0) return;
  memory.copy(spreadState(c.stateOut, b0), spreadState(c.stateIn, b0), <usize>(spreadStride * nb) << 3);
  for (let j = 0; j < nb; ++j) store<f64>(spreadState(c.stateOut, b0 + j), -1.0, 48);
}

export function emaSpreadSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, macd: bool, withSignal: bool, percent: bool, seedParam: i32, fixed: bool = false, zeroParam: i32 = -1, maParam: i32 = -1, maCount: i32 = 1, copyAtOne: bool = false): void {
  const x = input(c, 0);
  const fastFrom = STATE_A, lanes = STATE_B;  // lanes: the block's variants run here
  // The run's first bar: before the call when bar 0 continues the state's run.
  const start = s == 0 && c.stateIn != 0 ? -(<i32>load<f64>(spreadState(c.stateIn, b0), 48) + 1) : s;
  let n = 0;
  for (let j = 0; j < nb; ++j) {
    if (!spreadsEma(c, maParam, maCount, b0 + j)) continue;
    setSlot(lanes, n++, <f64>j);
    let f = fixed ? 12.0 : param(c, 0, b0 + j), sl = fixed ? 26.0 : param(c, 1, b0 + j);
    if (f > sl) { const swap = f; f = sl; sl = swap; }
    const first = seedParam >= 0 && seedsFirst(c, seedParam, b0 + j);
    averageLane(0, j).reset(f, false, first);
    averageLane(1, j).reset(sl, false, first);
    if (fixed) {
      averageLane(0, j).k = 0.15;
      averageLane(1, j).k = 0.075;
    }
    if (withSignal) averageLane(2, j).reset(param(c, fixed ? 0 : 2, b0 + j), false, first);
    setSlot(fastFrom, j, macd && !first ? <f64>start + (sl - f) : <f64>start);
    if (start < s) {
      const from = spreadState(c.stateIn, b0 + j);
      const pairs = withSignal ? 3 : 2;
      for (let i = 0; i < pairs; ++i) {
        const a = averageLane(i, j);
        a.value = load<f64>(from + (<usize>(2 * i) << 3));
        a.count = <i32>load<f64>(from + (<usize>(2 * i + 1) << 3));
      }
    }
  }
  for (let t = s; t < e; ++t) {
    const xt = at(x, t);
    const tf = <f64>t;
    for (let k = 0; k < n; ++k) {
      const j = <i32>slot(lanes, k);
      const fast = averageLane(0, j), slow = averageLane(1, j);
      if (tf >= slot(fastFrom, j)) fast.push(xt);
      if (!slow.push(xt)) { putNaNAll<O>(c, t, b0 + j, 1); continue; }
      const v = percent ? emaPercent(fast.value, slow.value) : fast.value - slow.value;
      const blank = zeroParam >= 0 && nearZero(slow.value) && isNaN(zeroDenominator(c, zeroParam, b0 + j, 0.0));
      if (!withSignal) { put<O>(c, 0, t, b0 + j, blank ? NaN : v); continue; }
      const signal = averageLane(2, j);
      const copy = copyAtOne && param(c, 2, b0 + j) == 1.0;
      if (copy) signal.value = v;
      const hasSignal = copy || signal.push(v);
      const sig = hasSignal && !blank ? signal.value : NaN;
      put<O>(c, 0, t, b0 + j, (hasSignal || !macd) && !blank ? v : NaN);
      put<O>(c, 1, t, b0 + j, sig);
      put<O>(c, 2, t, b0 + j, blank ? NaN : v - sig);
    }
  }
  if (c.stateOut == 0) return;
  for (let k = 0; k < n; ++k) {
    const j = <i32>slot(lanes, k);
    const to = spreadState(c.stateOut, b0 + j);
    for (let i = 0; i < 3; ++i) {
      const used = i < 2 || withSignal;
      store<f64>(to + (<usize>(2 * i) << 3), used ? averageLane(i, j).value : 0.0);
      store<f64>(to + (<usize>(2 * i + 1) << 3), used ? <f64>averageLane(i, j).count : 0.0);
    }
    store<f64>(to, e == c.T ? <f64>(e - 1 - start) : -1.0, 48);
  }
}

// APO and PPO with a TA-Lib MA type other than 'ema' (param maParam): the
// variants emaSpreadSegment (given the same maParam) leaves out; mirrors maSpread in
// native/momentum/common.h. scratch: fast, slow, work (T each)
export function maSpreadScratch(T: i32): f64 { return 3.0 * <f64>T; }

// prepare() of APO and PPO: emaSpreadPrepare's checks, and with a state, the lanes of the other types' variants.
export function maSpreadPrepare(c: Call, maParam: i32, signalParam: i32): i32 {
  const status = emaSpreadPrepare(c);
  if (status != OK || c.stateIn == 0) return status;
  for (let v = c.v0; v < c.v1; ++v) {
    const type = <i32>param(c, maParam, v);
    if (type == MA_EMA) continue;
    const f = <i32>min(param(c, 0, v), param(c, 1, v)), sl = <i32>max(param(c, 0, v), param(c, 1, v));
    if (!laneSpreadFits(c, type, f, type, sl, false, MA_SMA, signalParam >= 0 ? param(c, signalParam, v) : 0.0)) return BAD_PARAM;
  }
  return OK;
}

// One bar of a maSpreadSegment variant from its fast and slow averages
// (putMaSpread in C++); signal: its lane, or null without one (APO).
function putMaSpread<O>(c: Call, t: i32, v: i32, fm: f64, sm: f64, percent: bool, blankZero: bool, signal: SeededAverage | null): void {
  const l = percent ? emaPercent(fm, sm) : fm - sm;
  const blank = blankZero && nearZero(sm);
  put<O>(c, 0, t, v, blank ? NaN : l);
  if (signal === null) return;
  const g = signal.push(l) && !blank ? signal.value : NaN;
  put<O>(c, 1, t, v, g);
  put<O>(c, 2, t, v, blank ? NaN : l - g);
}

// The variants of a spread with other MA types over the run [s, e) from a
// stream's state (laneSpread in native/momentum/common.h): after
// SPREAD_STATE numbers (the run's age at 6), the fast and the slow lane and
// the signal's (ext, MACDEXT: a lane of type sigType over sigN; else PPO's
// EmaStream value and count with sigN > 0, APO none). The lanes step in
// stateOut (emaSpreadBlock's copy of stateIn); the signal EMA at averageLane(2, j).
export function laneSpreadSize(ft: i32, f: i32, st: i32, sl: i32, ext: bool, sigType: i32, sigN: f64): i32 {
  return laneSize(ft, f) + laneSize(st, sl) + (ext ? laneSize(sigType, <i32>sigN) : sigN > 0.0 ? 2 : 0);
}

export function laneSpreadSegment<O>(c: Call, v: i32, j: i32, s: i32, e: i32, percent: bool, ft: i32, f: i32, st: i32, sl: i32,
  fastFrom: i32, slowFrom: i32, lineFrom: i32, on: i32, ext: bool, sigType: i32, sigN: f64, seedFirst: bool, blankZero: bool): void {
  const part = spreadState(c.stateOut, v);
  const fast = part + (<usize>SPREAD_STATE << 3), slow = fast + (<usize>laneSize(ft, f) << 3), signal = slow + (<usize>laneSize(st, sl) << 3);
  const x = input(c, 0);
  const start = s == 0 ? -(<i32>load<f64>(spreadState(c.stateIn, v), 48) + 1) : s;
  if (start == s) memory.fill(fast, 0, <usize>laneSpreadSize(ft, f, st, sl, ext, sigType, sigN) << 3);
  const ema = averageLane(2, j);
  const hasEma = !ext && sigN > 0.0;
  if (hasEma) {
    ema.reset(sigN, false, seedFirst);
    ema.value = load<f64>(signal);
    ema.count = <i32>load<f64>(signal, 8);
  }
  for (let t = s; t < e; ++t) {
    const age = t - start, xt = at(x, t);
    const fy = age >= fastFrom ? lanePush(ft, f, fast, xt) : NaN;
    const sy = age >= slowFrom ? lanePush(st, sl, slow, xt) : NaN;
    if (age < lineFrom) { putNaNAll<O>(c, t, v, 1); continue; }
    if (ext) {
      const l = fy - sy, g = lanePush(sigType, <i32>sigN, signal, l), shown = age >= on;
      put<O>(c, 0, t, v, shown ? l : NaN);
      put<O>(c, 1, t, v, shown ? g : NaN);
      put<O>(c, 2, t, v, shown ? l - g : NaN);
      continue;
    }
    putMaSpread<O>(c, t, v, fy, sy, percent, blankZero, hasEma ? ema : null);
  }
  if (hasEma) {
    store<f64>(signal, ema.value);
    store<f64>(signal, <f64>ema.count, 8);
  }
  store<f64>(part, e == c.T ? <f64>(e - 1 - start) : -1.0, 48);
}

// Whether a state's variants of other MA types all have lanes and fit its stride (laneSpread's checks).
export function laneSpreadFits(c: Call, ft: i32, f: i32, st: i32, sl: i32, ext: bool, sigType: i32, sigN: f64): bool {
  if (c.stateOut == 0 || !hasLane(ft, f) || !hasLane(st, sl) || (ext && !hasLane(sigType, <i32>sigN))) return false;
  return spreadStride >= SPREAD_STATE + laneSpreadSize(ft, f, st, sl, ext, sigType, sigN);
}

// zeroParam: PPO's zero_denominator ('nan' blanks every output where the slow average is ~0).
// The 'wma' variants with both windows up to DENSE_WMA run bar by bar from
// one diagonal of the source for the block (denseWma), each with its signal
// at averageLane(2, v - b0) (a lane emaSpreadSegment leaves to it).
export function maSpreadSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, maParam: i32, percent: bool, signalParam: i32 = -1, seedParam: i32 = -1, zeroParam: i32 = -1): void {
  const x = input(c, 0);
  const bytes = <usize>c.T << 3;
  const fastMa = c.scratch, slowMa = fastMa + bytes, work = slowMa + bytes;
  let count = 0, depth = 0;
  for (let v = b0; v < b0 + nb; ++v) {
    const type = <i32>param(c, maParam, v);
    if (type == MA_EMA) continue;
    let f = <i32>param(c, 0, v), sl = <i32>param(c, 1, v);
    if (f > sl) { const swap = f; f = sl; sl = swap; }
    if (c.stateIn != 0) {
      // From a stream's state (maSpreadPrepare checked the lanes): each average from the run's first bar.
      const first = max(maLookback(type, f), maLookback(type, sl));
      laneSpreadSegment<O>(c, v, v - b0, s, e, percent, type, f, type, sl, 0, 0, first, first, false, MA_SMA,
        signalParam >= 0 ? param(c, signalParam, v) : 0.0, signalParam >= 0 && seedsFirst(c, seedParam, v),
        zeroParam >= 0 && isNaN(zeroDenominator(c, zeroParam, v, 0.0)));
      continue;
    }
    if (denseWma(type, sl)) {
      setDense(count, v, 0, f);
      setDense(count++, v, 1, sl);
      depth = max(depth, sl);
      continue;
    }
    const blankZero = zeroParam >= 0 && isNaN(zeroDenominator(c, zeroParam, v, 0.0));
    const first = max(maLookback(type, f), maLookback(type, sl));
    movingAverage(type, f, x, s, e, fastMa, work);
    movingAverage(type, sl, x, s, e, slowMa, work);
    // After movingAverage: its EMA chains take averageLane(d, 0).
    const signal = signalParam >= 0 ? averageLane(2, 0) : null;
    if (signal !== null) signal.reset(param(c, signalParam, v), false, seedsFirst(c, seedParam, v));
    for (let t = s; t < e; ++t) {
      if (t - s < first) putNaNAll<O>(c, t, v, 1);
      else putMaSpread<O>(c, t, v, at(fastMa, t), at(slowMa, t), percent, blankZero, signal);
    }
  }
  if (signalParam >= 0) {
    for (let i = 0; i < count; ++i) {
      const v = denseVariant(i);
      averageLane(2, v - b0).reset(param(c, signalParam, v), false, seedsFirst(c, seedParam, v));
    }
  }
  let parity = 0;
  for (let t = s; t < e && count > 0; ++t) {
    parity ^= 1;
    diagonalPush(parity, depth, at(x, t));
    const sums = diagonalSums(parity);
    for (let i = 0; i < count; ++i) {
      const v = denseVariant(i);
      if (t - s < denseWindow(i, 1) - 1) { putNaNAll<O>(c, t, v, 1); continue; }
      const blankZero = zeroParam >= 0 && isNaN(zeroDenominator(c, zeroParam, v, 0.0));
      putMaSpread<O>(c, t, v, denseValue(sums, i, 0), denseValue(sums, i, 1), percent, blankZero, signalParam >= 0 ? averageLane(2, v - b0) : null);
    }
  }
}

// %K and %D over rolling ranges (STOCH, STOCHF, STOCHRSI, WILLR, Fisher).
// Per-block state (LANE_COUNT lanes of BLOCK doubles, then two deques and two
// running means a slot) sits in the last STATE_DOUBLES of each kernel's
// scratch, leaving static memory to the shared areas of abi.ts. placeState()
// points lane(), deque() and mean() there.
export const LANE_COUNT = 15;  // ULTOSC: 3 windows, 6 sums, 6 rounding errors
const DEQUE_BYTES: usize = (offsetof<MonotonicDeque>() + 7) & ~7;
const MEAN_BYTES: usize = (offsetof<RunningMean>() + 7) & ~7;
export const STATE_DOUBLES: f64 = <f64>(LANE_COUNT * BLOCK) + <f64>(2 * BLOCK) * <f64>((DEQUE_BYTES + MEAN_BYTES) >> 3);
let lanes: usize = 0;

export function placeState(c: Call): void {
  lanes = c.scratch + ((<usize>c.scratchLen - <usize>STATE_DOUBLES) << 3);
}

@inline export function lane(k: i32): usize {
  return lanes + (<usize>(k * BLOCK) << 3);
}

@inline export function deque(side: i32, j: i32): MonotonicDeque {
  return changetype<MonotonicDeque>(lanes + (<usize>(LANE_COUNT * BLOCK) << 3) + <usize>(side * BLOCK + j) * DEQUE_BYTES);
}

@inline export function mean(line: i32, j: i32): RunningMean {
  const means = lanes + (<usize>(LANE_COUNT * BLOCK) << 3) + <usize>(2 * BLOCK) * DEQUE_BYTES;
  return changetype<RunningMean>(means + <usize>(line * BLOCK + j) * MEAN_BYTES);
}

@inline export function stochK(x: f64, highest: f64, lowest: f64): f64 {
  const diff = (highest - lowest) / 100.0;
  return diff != 0.0 ? (x - lowest) / diff : 0.0;
}

// Whether stochK's range is empty here and zero_denominator (param p) says 'nan'.
@inline export function stochBlank(c: Call, p: i32, v: i32, highest: f64, lowest: f64): bool {
  return (highest - lowest) / 100.0 == 0.0 && isNaN(zeroDenominator(c, p, v, 0.0));
}

// Feeds k (when the %K line has a value at this bar) into the %D mean and
// writes k and d, both from %D's first bar on; blank writes NaN for both at
// this bar only (putKD in native/momentum/common.h).
export function putKD<O>(c: Call, t: i32, v: i32, has: bool, k: f64, dLine: RunningMean, blank: bool): void {
  const d = has ? dLine.push(k) : NaN;
  put<O>(c, 0, t, v, isNaN(d) || blank ? NaN : k);
  put<O>(c, 1, t, v, blank ? NaN : d);
}

// Lanes WIN_HIGH, WIN_LOW, WIN_BACK: each slot's window levels, looked up once
// per block (RollingRange::window in native/primitives.h).
export const WIN_HIGH = 0, WIN_LOW = 1, WIN_BACK = 2;

export function setWindow(j: i32, w: i32, highs: usize, lows: usize, T: i32): void {
  setSlot(lane(WIN_HIGH), j, <f64>extremeWindowLevel(highs, T, w));
  setSlot(lane(WIN_LOW), j, <f64>extremeWindowLevel(lows, T, w));
  setSlot(lane(WIN_BACK), j, <f64>extremeWindowBack(w));
}

@inline export function highest(j: i32, t: i32): f64 {
  return extremeAt(true, <usize>slot(lane(WIN_HIGH), j), <i32>slot(lane(WIN_BACK), j), t);
}

@inline export function lowest(j: i32, t: i32): f64 {
  return extremeAt(false, <usize>slot(lane(WIN_LOW), j), <i32>slot(lane(WIN_BACK), j), t);
}

// Whether variant v's MA types (params kType, -1: none, and dType) are both 'sma' (KdTypes in C++).
export function kdSma(c: Call, kType: i32, dType: i32, v: i32): bool {
  return (kType < 0 || <i32>param(c, kType, v) == MA_SMA) && <i32>param(c, dType, v) == MA_SMA;
}

@inline function kTypeOf(c: Call, kType: i32, v: i32): i32 { return kType >= 0 ? <i32>param(c, kType, v) : MA_SMA; }

// The size of variant v's slow %K and %D lanes in a stream's state (KdTypes::lanesSize), -1 without lanes for its types.
function kdLanesSize(c: Call, kType: i32, dType: i32, v: i32, kn: i32, dn: i32): i32 {
  const kt = kTypeOf(c, kType, v), dt = <i32>param(c, dType, v);
  return hasLane(kt, kn) && hasLane(dt, dn) ? laneSize(kt, kn) + laneSize(dt, dn) : -1;
}

// kdByLanes (native/momentum/common.h): variant v's lanes at lanes over bars
// [t0, e) of a run that began at bar origin, fast %K from window j's extremes.
function kdByLanes<O>(c: Call, v: i32, j: i32, kType: i32, dType: i32, zero: i32, lanes: usize, origin: i32, t0: i32, e: i32, kw: i32, kn: i32, dn: i32): void {
  const kt = kTypeOf(c, kType, v), dt = <i32>param(c, dType, v);
  const kBack = maLookback(kt, kn), dBack = maLookback(dt, dn), dLanes = lanes + (<usize>laneSize(kt, kn) << 3);
  const close = input(c, 2);
  for (let t = t0; t < e; ++t) {
    const i = t - origin - (kw - 1);
    if (i < 0) {
      put<O>(c, 0, t, v, NaN);
      put<O>(c, 1, t, v, NaN);
      continue;
    }
    const hh = highest(j, t), ll = lowest(j, t);
    const blank = stochBlank(c, zero, v, hh, ll);
    const slow = lanePush(kt, kn, lanes, stochK(at(close, t), hh, ll));
    const d = i >= kBack ? lanePush(dt, dn, dLanes, slow) : NaN;
    const show = i >= kBack + dBack && !blank;
    put<O>(c, 0, t, v, show ? slow : NaN);
    put<O>(c, 1, t, v, show ? d : NaN);
  }
}

// %K and %D of one variant with TA-Lib MA types over the valid run [s, e)
// (kdByType in native/momentum/common.h); area: fast %K, flat, slow %K, %D,
// work (T each), fast %K and flat filled by fastKAt from bar `from` on.
export function kdByTypeScratch(T: i32): f64 { return 5.0 * <f64>T; }

@inline export function fastKAt(area: usize, T: i32, t: i32, x: f64, highest: f64, lowest: f64): void {
  store<f64>(area + (<usize>t << 3), stochK(x, highest, lowest));
  store<f64>(area + (<usize>(T + t) << 3), (highest - lowest) / 100.0 == 0.0 ? 1.0 : 0.0);
}

export function kdByType<O>(c: Call, v: i32, kType: i32, dType: i32, area: usize, s: i32, from: i32, e: i32, kn: i32, dn: i32, blankFlat: bool): void {
  const bytes = <usize>c.T << 3;
  const fastK = area, flat = area + bytes, slowK = flat + bytes, d = slowK + bytes, work = d + bytes;
  const kt = kType >= 0 ? <i32>param(c, kType, v) : MA_SMA, dt = <i32>param(c, dType, v);
  from = min(from, e);
  movingAverage(kt, kn, fastK, from, e, slowK, work);
  const dFrom = min(e, from + maLookback(kt, kn));
  movingAverage(dt, dn, slowK, dFrom, e, d, work);
  const on = dFrom + maLookback(dt, dn);
  for (let t = s; t < e; ++t) {
    const show = t >= on && !(blankFlat && at(flat, t) != 0.0);
    put<O>(c, 0, t, v, show ? at(slowK, t) : NaN);
    put<O>(c, 1, t, v, show ? at(d, t) : NaN);
  }
}

export function stochasticScratch(T: i32, W: i32): f64 { return rangeScratch(T) + 2.0 * <f64>BLOCK * <f64>windowCapacity(T, W) + kdByTypeScratch(T) + STATE_DOUBLES; }

// Kernel state per variant (native/momentum/common.h): [stride, lead, age, slow %K's RunningMean state, %D's]
// ('sma' types), or [stride, lead, age, slow %K's TA_MA lane, %D's] (kdByLanes).
const STOCHASTIC_HEAD: i32 = 3;

// Capacity of the %K and %D rings of this call, and the state's stride, lead and age, set by stochasticPrepare.
let stochasticCap: i32 = 0;
let stochasticStride: i32 = 0, stochasticLead: i32 = 0, stochasticAge: i32 = 0;
// The MA-type params of this call (kType -1: none).
let stochasticKType: i32 = -1, stochasticDType: i32 = -1;

@inline function smoothingOf(c: Call, smoothing: i32, v: i32): i32 { return smoothing >= 0 ? <i32>param(c, smoothing, v) : 1; }

// STOCH (smoothing = param index of the slow %K window) or STOCHF (smoothing -1).
export function stochasticPrepare(c: Call, smoothing: i32, dWindow: i32, kType: i32, dType: i32): i32 {
  const W = callWindow(c, 0, dWindow, smoothing);
  if (<f64>c.scratchLen < stochasticScratch(c.T, W)) return SCRATCH_TOO_SMALL;
  placeState(c);
  if (!windowsFit(c, 0) || !windowsFit(c, dWindow) || (smoothing >= 0 && !windowsFit(c, smoothing))) return BAD_PARAM;
  stochasticStride = stochasticLead = stochasticAge = 0;
  stochasticKType = kType;
  stochasticDType = dType;
  if (c.stateIn != 0 || c.stateOut != 0) {
    if (c.stateIn == 0 || c.stateLen < STOCHASTIC_HEAD) return BAD_PARAM;
    const stride = <i32>load<f64>(c.stateIn), lead = <i32>load<f64>(c.stateIn, 8), age = <i32>load<f64>(c.stateIn, 16);
    if (!(lead >= 0 && lead < c.T && age >= 0 && stride > 0 && c.stateLen >= stride * c.v1)) return BAD_PARAM;
    for (let v = c.v0; v < c.v1; ++v) {
      const kn = smoothingOf(c, smoothing, v), dn = <i32>param(c, dWindow, v);
      if (lead < <i32>param(c, 0, v) - 1 || lead < kn || lead < dn) return BAD_PARAM;
      if (kdSma(c, kType, dType, v) ? stride < STOCHASTIC_HEAD + 2 * RUNNING_MEAN_HEAD + kn + dn
        : c.stateOut == 0 || kdLanesSize(c, kType, dType, v, kn, dn) < 0 || stride < STOCHASTIC_HEAD + kdLanesSize(c, kType, dType, v, kn, dn)) return BAD_PARAM;
    }
    stochasticStride = stride;
    stochasticLead = lead;
    stochasticAge = age;
  }
  stochasticCap = windowCapacity(c.T, W);
  buildRange(input(c, 0), input(c, 1), c.T, W, c.scratch);
  return OK;
}

@inline function stochasticState(area: usize, v: i32): usize { return area + (<usize>(stochasticStride * v) << 3); }

// The means as the last run left them, and its age at the last bar (0 after a gap).
function keepStochastic(c: Call, b0: i32, nb: i32, lastAge: i32): void {
  for (let j = 0; j < nb; ++j) {
    const to = stochasticState(c.stateOut, b0 + j);
    store<f64>(to, <f64>stochasticStride);
    store<f64>(to, <f64>stochasticLead, 8);
    store<f64>(to, <f64>lastAge, 16);
    if (!kdSma(c, stochasticKType, stochasticDType, b0 + j)) continue;  // its lanes step in stateOut
    const means = to + (<usize>STOCHASTIC_HEAD << 3);
    mean(0, j).save(means);
    mean(1, j).save(means + (<usize>(RUNNING_MEAN_HEAD + mean(0, j).n) << 3));
  }
}

export function stochasticBlock<O>(c: Call, b0: i32, nb: i32, smoothing: i32, dWindow: i32): void {
  const highs = c.scratch, lows = rangeLows(c.scratch, c.T);
  const kw = lane(3);
  for (let j = 0; j < nb; ++j) {
    const w = param(c, 0, b0 + j);
    setSlot(kw, j, w);
    setWindow(j, <i32>w, highs, lows, c.T);
  }
  windowSetBegin(nb);
  windowSetAdd(c, 0, b0);
  windowSetEnd();
  // The means over the block's runs: from the state, if any (a run going on over the lead), else reset by each run.
  const ringBytes = <usize>stochasticCap << 3;
  const ringsK = c.scratch + (<usize>rangeScratch(c.T) << 3);
  const ringsD = ringsK + <usize>BLOCK * ringBytes;
  for (let j = 0; j < nb; ++j) {
    mean(0, j).reset(ringsK + <usize>j * ringBytes, smoothingOf(c, smoothing, b0 + j));
    mean(1, j).reset(ringsD + <usize>j * ringBytes, <i32>param(c, dWindow, b0 + j));
    if (c.stateIn == 0) continue;
    const means = stochasticState(c.stateIn, b0 + j) + (<usize>STOCHASTIC_HEAD << 3);
    mean(0, j).load(means);
    mean(1, j).load(means + (<usize>(RUNNING_MEAN_HEAD + mean(0, j).n) << 3));
  }
  if (c.stateOut == 0) return;
  // The lanes of the variants with other MA types step in stateOut itself, from stateIn's.
  const bytes = <usize>stochasticStride << 3;
  for (let j = 0; j < nb; ++j)
    if (!kdSma(c, stochasticKType, stochasticDType, b0 + j)) memory.copy(stochasticState(c.stateOut, b0 + j), stochasticState(c.stateIn, b0 + j), bytes);
  keepStochastic(c, b0, nb, 0);
}

// kType (-1: none), dType: the MA-type params; variants with another type than 'sma' go through kdByType.
export function stochasticSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, smoothing: i32, dWindow: i32, zero: i32, kType: i32, dType: i32): void {
  const ringBytes = <usize>stochasticCap << 3;
  const ringsK = c.scratch + (<usize>rangeScratch(c.T) << 3);
  const ringsD = ringsK + <usize>BLOCK * ringBytes;
  const byType = ringsD + <usize>BLOCK * ringBytes;
  const close = input(c, 2);
  const kw = lane(3);
  // With a state: bars before the lead are the stream's; a run over bar lead began `age` bars before it.
  const lead = stochasticLead, carried = c.stateIn != 0;
  if (carried && e <= lead) {
    for (let t = s; t < e; ++t) putNaNAll<O>(c, t, b0, nb);
    return;
  }
  const goesOn = carried && s < lead;
  const origin = goesOn ? lead - stochasticAge : s, t0 = goesOn ? lead : s;
  for (let t = s; t < t0; ++t) putNaNAll<O>(c, t, b0, nb);
  if (!goesOn) {
    for (let j = 0; j < nb; ++j) {
      mean(0, j).reset(mean(0, j).ring, mean(0, j).n);
      mean(1, j).reset(mean(1, j).ring, mean(1, j).n);
    }
  }
  const T = c.T, highs = c.scratch, lows = rangeLows(c.scratch, T);
  let anySma = false;
  for (let j = 0; j < nb; ++j) anySma = anySma || kdSma(c, kType, dType, b0 + j);
  for (let t = t0; t < e && anySma; ++t) {
    const ct = at(close, t);
    // The block's windows a bar at a time (extremeRows), each lane's from its set entry.
    extremeRows(true, highs, T, t, t - s + 1, EXTREME_HIGH);
    extremeRows(false, lows, T, t, t - s + 1, EXTREME_LOW);
    const hRow = laneRow(0, EXTREME_HIGH, STATE_B), lRow = laneRow(0, EXTREME_LOW, STATE_C);
    for (let j = 0; j < nb; ++j) {
      if (!kdSma(c, kType, dType, b0 + j)) continue;
      let slow = NaN;
      let blank = false;
      if (t - origin >= <i32>slot(kw, j) - 1) {
        const hh = at(hRow, j), ll = at(lRow, j);
        slow = mean(0, j).push(stochK(ct, hh, ll));
        blank = stochBlank(c, zero, b0 + j, hh, ll);
      }
      putKD<O>(c, t, b0 + j, !isNaN(slow), slow, mean(1, j), blank);
    }
  }
  if (c.stateOut != 0) keepStochastic(c, b0, nb, e == T ? e - origin : 0);
  for (let j = 0; j < nb; ++j) {
    const v = b0 + j;
    if (kdSma(c, kType, dType, v)) continue;
    const from = s + <i32>slot(kw, j) - 1;
    if (carried) {
      const kn = smoothingOf(c, smoothing, v), dn = <i32>param(c, dWindow, v);
      const lanes = stochasticState(c.stateOut, v) + (<usize>STOCHASTIC_HEAD << 3);
      if (!goesOn) memory.fill(lanes, 0, <usize>kdLanesSize(c, kType, dType, v, kn, dn) << 3);
      kdByLanes<O>(c, v, j, kType, dType, zero, lanes, origin, t0, e, <i32>slot(kw, j), kn, dn);
      continue;
    }
    for (let t = from; t < e; ++t) fastKAt(byType, c.T, t, at(close, t), highest(j, t), lowest(j, t));
    kdByType<O>(c, v, kType, dType, byType, s, from, e, smoothingOf(c, smoothing, v), <i32>param(c, dWindow, v), isNaN(zeroDenominator(c, zero, v, 0.0)));
  }
}

// PLUS_DM (plus) and MINUS_DM (see native/momentum/common.h); STATE_A holds
// the running sums, STATE_B the first bar of each variant.
export function directionalMovementScratch(T: i32): f64 { return 2.0 * T; }

// Kernel state per variant (kMovementState in native/momentum/common.h): the sum, the run's age, the last high and low.
const MOVEMENT_STATE: i32 = 4;

// The age at bar -1 of the run the state stands in, continued by a valid bar 0 (-1: none); set by directionalMovementPrepare.
let movementAge0: i32 = -1;

@inline function movementState(area: usize, v: i32): usize { return area + (<usize>(MOVEMENT_STATE * v) << 3); }

export function directionalMovementPrepare(c: Call): i32 {
  if (<f64>c.scratchLen < directionalMovementScratch(c.T)) return SCRATCH_TOO_SMALL;
  if ((c.stateIn != 0 || c.stateOut != 0) && (c.stateIn == 0 || c.stateLen < MOVEMENT_STATE * c.v1)) return BAD_PARAM;
  const high = input(c, 0), low = input(c, 1), plusDM = c.scratch, minusDM = c.scratch + (<usize>c.T << 3);
  directionalMoves(high, low, c.T, plusDM, minusDM);
  movementAge0 = -1;
  if (c.stateIn != 0 && c.T > 0 && validAt(c, 2, 0)) {
    const from = movementState(c.stateIn, c.v0);  // the same run in every variant
    movementAge0 = <i32>load<f64>(from, 8);
    if (movementAge0 >= 0) {
      const up = at(high, 0) - load<f64>(from, 16), down = load<f64>(from, 24) - at(low, 0);
      store<f64>(plusDM, plusMove(up, down));
      store<f64>(minusDM, minusMove(up, down));
    }
  }
  return OK;
}

// The state out of a block before its runs: the sums in, no run going on, the last bar's high and low as read.
export function directionalMovementBlock(c: Call, b0: i32, nb: i32): void {
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = movementState(c.stateOut, b0 + j), from = movementState(c.stateIn, b0 + j);
    store<f64>(to, load<f64>(from));
    store<f64>(to, -1.0, 8);
    store<f64>(to, c.T > 0 ? at(input(c, 0), c.T - 1) : load<f64>(from, 16), 16);
    store<f64>(to, c.T > 0 ? at(input(c, 1), c.T - 1) : load<f64>(from, 24), 24);
  }
}

export function directionalMovementSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, plus: bool): void {
  const dm = plus ? c.scratch : c.scratch + (<usize>c.T << 3);
  const sum = STATE_A, first = STATE_B, carried = STATE_C;
  const start = s == 0 ? -(movementAge0 + 1) : s;  // the run's first bar
  const from = max(start + 1, s);                 // its first move in this call
  for (let j = 0; j < nb; ++j) {
    const n = <i32>param(c, 0, b0 + j);
    const f = start + max(n - 1, 1);
    setSlot(first, j, <f64>f);
    // The sum, or the seed so far, at bar s - 1.
    setSlot(carried, j, start < s ? load<f64>(movementState(c.stateIn, b0 + j)) : 0.0);
    if (f < s || n == 1) setSlot(sum, j, slot(carried, j));
    else setSlot(sum, j, f < e ? sumOnto(slot(carried, j), dm, from, f + 1 - from) : 0.0);
  }
  for (let t = s; t < e; ++t) {
    for (let j = 0; j < nb; ++j) {
      const n = param(c, 0, b0 + j);
      const f = <i32>slot(first, j);
      if (t < f) { put<O>(c, 0, t, b0 + j, NaN); continue; }
      if (n == 1.0) { put<O>(c, 0, t, b0 + j, at(dm, t)); continue; }
      if (t > f) setSlot(sum, j, wilderSumStep(slot(sum, j), at(dm, t), n));
      put<O>(c, 0, t, b0 + j, slot(sum, j));
    }
  }
  if (c.stateOut == 0) return;
  for (let j = 0; j < nb; ++j) {
    const to = movementState(c.stateOut, b0 + j);
    store<f64>(to, <i32>slot(first, j) < e ? slot(sum, j) : sumOnto(slot(carried, j), dm, from, e - from));
    store<f64>(to, e == c.T ? <f64>(e - 1 - start) : -1.0, 8);
  }
}

// TA-Lib IMI at bar t over n bars (see native/momentum/common.h).
export function intradayMomentum(open: usize, close: usize, t: i32, n: i32): f64 {
  let up = 0.0, down = 0.0;
  for (let i = t - n + 1; i <= t; ++i) {
    const o = at(open, i), cl = at(close, i);
    if (cl > o) up += cl - o;
    else down += o - cl;
  }
  const sum = up + down;
  return sum != 0.0 ? 100.0 * (up / sum) : 0.0;
}
