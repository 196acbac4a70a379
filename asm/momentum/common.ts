// What several momentum indicators share (see native/momentum/common.h):
// lags (MOM, ROC), Wilder gains and losses (RSI, CMO), spreads of EMAs (MACD,
// PPO, APO). Where C++ passes a lambda or a template flag, a flag argument
// picks the formula.
import {
  at, BAD_PARAM, BLOCK, Call, input, OK, param, put, putNaNAll, putRow, ROW, SCRATCH_TOO_SMALL, setSlot, slot,
  STATE_A, STATE_B, STATE_C, wholeSeries,
} from "../abi";
import {
  averageLane, buildRange, callWindow, extremeAt, extremeWindowBack, extremeWindowLevel, MonotonicDeque,
  nearZero, rangeLows, rangeScratch, rsiFromAverages, RunningMean, sumRange, wilderStep,
  windowCapacity, windowsFit,
} from "../primitives";

// x[t] - x[t-n] (MOM), times 100 / x[t-n] for ROC (see native/momentum/common.h).
@inline function lagValue(roc: bool, xt: f64, past: f64, scale: f64): f64 {
  return roc ? (xt - past) * scale : xt - past;
}

// Scratch of lagged: ROC keeps its scaled reciprocals.
export function laggedScratch(T: i32, roc: bool): f64 { return roc ? <f64>T : 0.0; }

// MOM, or ROC when roc, where bars t-n..t are all valid. Variant-major output
// is written one contiguous run per variant, as in C++.
export function laggedPrepare(c: Call, roc: bool): i32 {
  const need = laggedScratch(c.T, roc);
  if (<f64>c.scratchLen < need) return SCRATCH_TOO_SMALL;
  const x = input(c, 0);
  const scale = c.scratch;
  if (roc) {
    for (let t = 0; t < c.T; ++t) {
      const v = at(x, t);
      store<f64>(scale + (<usize>t << 3), v != 0.0 ? 100.0 / v : 0.0);
    }
  }
  return OK;
}

export function laggedSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, roc: bool): void {
  const x = input(c, 0);
  const scale = c.scratch;
  const dst = load<usize>(c.outPtrs);
  if (dst == 0) return;  // the output was not selected
  if (c.timeStride == 1 && wholeSeries(c)) {
    for (let j = 0; j < nb; ++j) {
      const n = <i32>param(c, 0, b0 + j);
      const o = dst + <usize>(b0 + j) * <usize>c.variantStride * sizeof<O>();
      const from = min(s + n, e);
      for (let t = s; t < from; ++t) store<O>(o + <usize>t * sizeof<O>(), <O>NaN);
      for (let t = from; t < e; ++t) {
        const v = lagValue(roc, at(x, t), at(x, t - n), roc ? at(scale, t - n) : 0.0);
        store<O>(o + <usize>t * sizeof<O>(), <O>v);
      }
    }
  } else {
    for (let t = s; t < e; ++t) {
      const xt = at(x, t);
      for (let j = 0; j < nb; ++j) {
        const n = <i32>param(c, 0, b0 + j);
        const v = t - s >= n ? lagValue(roc, xt, at(x, t - n), roc ? at(scale, t - n) : 0.0) : NaN;
        store<f64>(ROW + (<usize>j << 3), v);
      }
      putRow<O>(c, 0, t, b0, nb, ROW);
    }
  }
}

export function gainLossScratch(T: i32): f64 { return 2.0 * T; }

// RSI, or CMO when cmo: 0 when the sum of the averages is ~0.
@inline function gainLossValue(gain: f64, loss: f64, cmo: bool): f64 {
  if (!cmo) return rsiFromAverages(gain, loss);
  const sum = gain + loss;
  return nearZero(sum) ? 0.0 : 100.0 * ((gain - loss) / sum);
}

export function gainLossPrepare(c: Call, cmo: bool): i32 {
  if (<f64>c.scratchLen < gainLossScratch(c.T)) return SCRATCH_TOO_SMALL;
  const x = input(c, 0);
  const gain = c.scratch, loss = c.scratch + (<usize>c.T << 3);
  for (let t = 1; t < c.T; ++t) {
    const d = at(x, t) - at(x, t - 1);
    store<f64>(gain + (<usize>t << 3), d > 0.0 ? d : 0.0);
    store<f64>(loss + (<usize>t << 3), d < 0.0 ? -d : 0.0);
  }
  return OK;
}

export function gainLossSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, cmo: bool): void {
  const gain = c.scratch, loss = c.scratch + (<usize>c.T << 3);
  const avgGain = STATE_A, avgLoss = STATE_B, seedAt = STATE_C;
  for (let j = 0; j < nb; ++j) {
    const n = param(c, 0, b0 + j);
    const sa = <f64>s + n;
    setSlot(seedAt, j, sa);
    const seeded = sa < <f64>e;
    setSlot(avgGain, j, seeded ? sumRange(gain, s + 1, <i32>n) / n : NaN);
    setSlot(avgLoss, j, seeded ? sumRange(loss, s + 1, <i32>n) / n : NaN);
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
      put<O>(c, 0, t, b0 + j, tf >= sa ? gainLossValue(slot(avgGain, j), slot(avgLoss, j), cmo) : NaN);
    }
  }
}

// TA-Lib PPO: 0 where the slow EMA is ~0.
@inline function emaPercent(fast: f64, slow: f64): f64 {
  return nearZero(slow) ? 0.0 : ((fast - slow) / slow) * 100.0;
}

// Fast and slow EMAs (lanes of chains 0 and 1) and their difference, or
// percent difference when percent; with withSignal a signal EMA (chain 2) and
// the histogram. macd selects MACD's fast-EMA alignment and common first bar.
export function emaSpreadSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, macd: bool, withSignal: bool, percent: bool): void {
  const x = input(c, 0);
  const fastFrom = STATE_A;
  for (let j = 0; j < nb; ++j) {
    let f = param(c, 0, b0 + j), sl = param(c, 1, b0 + j);
    if (f > sl) { const swap = f; f = sl; sl = swap; }
    averageLane(0, j).reset(f);
    averageLane(1, j).reset(sl);
    if (withSignal) averageLane(2, j).reset(param(c, 2, b0 + j));
    setSlot(fastFrom, j, macd ? <f64>s + (sl - f) : <f64>s);
  }
  for (let t = s; t < e; ++t) {
    const xt = at(x, t);
    const tf = <f64>t;
    for (let j = 0; j < nb; ++j) {
      const fast = averageLane(0, j), slow = averageLane(1, j);
      if (tf >= slot(fastFrom, j)) fast.push(xt);
      if (!slow.push(xt)) { putNaNAll<O>(c, t, b0 + j, 1); continue; }
      const v = percent ? emaPercent(fast.value, slow.value) : fast.value - slow.value;
      if (!withSignal) { put<O>(c, 0, t, b0 + j, v); continue; }
      const signal = averageLane(2, j);
      const hasSignal = signal.push(v);
      const sig = hasSignal ? signal.value : NaN;
      put<O>(c, 0, t, b0 + j, hasSignal || !macd ? v : NaN);
      put<O>(c, 1, t, b0 + j, sig);
      put<O>(c, 2, t, b0 + j, v - sig);
    }
  }
}

// %K and %D over rolling ranges (STOCH, STOCHF, STOCHRSI, WILLR, Fisher).
// Per-block state (LANE_COUNT lanes of BLOCK doubles, then two deques and two
// running means a slot) sits in the last STATE_DOUBLES of each kernel's
// scratch, leaving static memory to the shared areas of abi.ts. placeState()
// points lane(), deque() and mean() there.
export const LANE_COUNT = 9;
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

// Feeds k (when the %K line has a value at this bar) into the %D mean and
// writes k and d, both from %D's first bar on.
export function putKD<O>(c: Call, t: i32, v: i32, has: bool, k: f64, dLine: RunningMean): void {
  const d = has ? dLine.push(k) : NaN;
  put<O>(c, 0, t, v, isNaN(d) ? NaN : k);
  put<O>(c, 1, t, v, d);
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

export function stochasticScratch(T: i32, W: i32): f64 { return rangeScratch(T) + 2.0 * <f64>BLOCK * <f64>windowCapacity(T, W) + STATE_DOUBLES; }

// Capacity of the %K and %D rings of this call, set by stochasticPrepare.
let stochasticCap: i32 = 0;

// STOCH (smoothing = param index of the slow %K window) or STOCHF (smoothing -1).
export function stochasticPrepare(c: Call, smoothing: i32, dWindow: i32): i32 {
  const W = callWindow(c, 0, dWindow, smoothing);
  if (<f64>c.scratchLen < stochasticScratch(c.T, W)) return SCRATCH_TOO_SMALL;
  placeState(c);
  if (!windowsFit(c, 0) || !windowsFit(c, dWindow) || (smoothing >= 0 && !windowsFit(c, smoothing))) return BAD_PARAM;
  stochasticCap = windowCapacity(c.T, W);
  buildRange(input(c, 0), input(c, 1), c.T, W, c.scratch);
  return OK;
}

export function stochasticBlock<O>(c: Call, b0: i32, nb: i32, smoothing: i32, dWindow: i32): void {
  const highs = c.scratch, lows = rangeLows(c.scratch, c.T);
  const kw = lane(3);
  for (let j = 0; j < nb; ++j) {
    const w = param(c, 0, b0 + j);
    setSlot(kw, j, w);
    setWindow(j, <i32>w, highs, lows, c.T);
  }
}

export function stochasticSegment<O>(c: Call, b0: i32, nb: i32, s: i32, e: i32, smoothing: i32, dWindow: i32): void {
  const ringBytes = <usize>stochasticCap << 3;
  const ringsK = c.scratch + (<usize>rangeScratch(c.T) << 3);
  const ringsD = ringsK + <usize>BLOCK * ringBytes;
  const close = input(c, 2);
  const kw = lane(3);
  for (let j = 0; j < nb; ++j) {
    mean(0, j).reset(ringsK + <usize>j * ringBytes, smoothing >= 0 ? <i32>param(c, smoothing, b0 + j) : 1);
    mean(1, j).reset(ringsD + <usize>j * ringBytes, <i32>param(c, dWindow, b0 + j));
  }
  for (let t = s; t < e; ++t) {
    const ct = at(close, t);
    for (let j = 0; j < nb; ++j) {
      let slow = NaN;
      if (t - s >= <i32>slot(kw, j) - 1) slow = mean(0, j).push(stochK(ct, highest(j, t), lowest(j, t)));
      putKD<O>(c, t, b0 + j, !isNaN(slow), slow, mean(1, j));
    }
  }
}
