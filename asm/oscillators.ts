// Momentum oscillators over rolling ranges and windows; mirrors
// native/oscillators.h. Sparse tables sit at the start of the scratch: the
// highs' levels, then the lows' (extremeScratch(T) doubles each).
import { BAD_PARAM, BLOCK, Call, OK, SCRATCH_TOO_SMALL, at, input, param, put, setSlot, slot } from "./abi";
import {
  buildExtremes, extremeAt, extremeLevels, extremeScratch, extremeWindowBack, extremeWindowLevel,
  MonotonicDeque, nearZero, rsiFromAverages, RunningMean, segmentEnd, skipGaps, trueRange, validAt,
  wilderStep, windowCapacity, windowsFit,
} from "./primitives";

// Per-block state (LANE_COUNT lanes of BLOCK doubles, then two deques and two
// running means a slot) sits in the last STATE_DOUBLES of each kernel's
// scratch, leaving static memory to the shared areas of abi.ts. placeState()
// points lane(), deque() and mean() there.
const LANE_COUNT = 9;
const DEQUE_BYTES: usize = (offsetof<MonotonicDeque>() + 7) & ~7;
const MEAN_BYTES: usize = (offsetof<RunningMean>() + 7) & ~7;
const STATE_DOUBLES: f64 = <f64>(LANE_COUNT * BLOCK) + <f64>(2 * BLOCK) * <f64>((DEQUE_BYTES + MEAN_BYTES) >> 3);
let lanes: usize = 0;

function placeState(c: Call): void {
  lanes = c.scratch + ((<usize>c.scratchLen - <usize>STATE_DOUBLES) << 3);
}

@inline function lane(k: i32): usize {
  return lanes + (<usize>(k * BLOCK) << 3);
}

@inline function deque(side: i32, j: i32): MonotonicDeque {
  return changetype<MonotonicDeque>(lanes + (<usize>(LANE_COUNT * BLOCK) << 3) + <usize>(side * BLOCK + j) * DEQUE_BYTES);
}

@inline function mean(line: i32, j: i32): RunningMean {
  const means = lanes + (<usize>(LANE_COUNT * BLOCK) << 3) + <usize>(2 * BLOCK) * DEQUE_BYTES;
  return changetype<RunningMean>(means + <usize>(line * BLOCK + j) * MEAN_BYTES);
}

@inline function stochK(x: f64, highest: f64, lowest: f64): f64 {
  const diff = (highest - lowest) / 100.0;
  return diff != 0.0 ? (x - lowest) / diff : 0.0;
}

// Feeds k (when the %K line has a value at this bar) into the %D mean and
// writes k and d, both from %D's first bar on.
function putKD<O>(c: Call, t: i32, v: i32, has: bool, k: f64, dLine: RunningMean): void {
  const d = has ? dLine.push(k) : NaN;
  put<O>(c, 0, t, v, isNaN(d) ? NaN : k);
  put<O>(c, 1, t, v, d);
}

function rangeScratch(T: i32): f64 { return 2.0 * extremeScratch(T); }

// Sparse tables of highs and lows at scratch; returns the lows' address.
function buildRange(highs: usize, lows: usize, T: i32, scratch: usize): usize {
  const levels = extremeLevels(windowCapacity(T));
  const lowLevels = scratch + (<usize>extremeScratch(T) << 3);
  buildExtremes(true, highs, T, levels, scratch);
  buildExtremes(false, lows, T, levels, lowLevels);
  return lowLevels;
}

// Lanes WIN_HIGH, WIN_LOW, WIN_BACK: each slot's window levels, looked up once
// per block (RollingRange::window in native/oscillators.h).
const WIN_HIGH = 0, WIN_LOW = 1, WIN_BACK = 2;

function setWindow(j: i32, w: i32, highs: usize, lows: usize, T: i32): void {
  setSlot(lane(WIN_HIGH), j, <f64>extremeWindowLevel(highs, T, w));
  setSlot(lane(WIN_LOW), j, <f64>extremeWindowLevel(lows, T, w));
  setSlot(lane(WIN_BACK), j, <f64>extremeWindowBack(w));
}

@inline function highest(j: i32, t: i32): f64 {
  return extremeAt(true, <usize>slot(lane(WIN_HIGH), j), <i32>slot(lane(WIN_BACK), j), t);
}

@inline function lowest(j: i32, t: i32): f64 {
  return extremeAt(false, <usize>slot(lane(WIN_LOW), j), <i32>slot(lane(WIN_BACK), j), t);
}

export function stochScratch(T: i32): f64 { return rangeScratch(T) + 2.0 * <f64>BLOCK * <f64>windowCapacity(T) + STATE_DOUBLES; }

// STOCH (smoothing = param index of the slow %K window) or STOCHF (smoothing -1).
function stochastic<O>(c: Call, smoothing: i32, dWindow: i32): i32 {
  if (<f64>c.scratchLen < stochScratch(c.T)) return SCRATCH_TOO_SMALL;
  placeState(c);
  if (!windowsFit(c, 0) || !windowsFit(c, dWindow) || (smoothing >= 0 && !windowsFit(c, smoothing))) return BAD_PARAM;
  const highs = c.scratch, lows = buildRange(input(c, 0), input(c, 1), c.T, c.scratch);
  const cap = windowCapacity(c.T);
  const ringBytes = <usize>cap << 3;
  const ringsK = c.scratch + (<usize>rangeScratch(c.T) << 3);
  const ringsD = ringsK + <usize>BLOCK * ringBytes;
  const close = input(c, 2);
  const kw = lane(3);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let j = 0; j < nb; ++j) {
      const w = param(c, 0, b0 + j);
      setSlot(kw, j, w);
      setWindow(j, <i32>w, highs, lows, c.T);
    }
    let t = 0;
    while ((t = skipGaps<O>(c, 3, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 3, t);
      for (let j = 0; j < nb; ++j) {
        mean(0, j).reset(ringsK + <usize>j * ringBytes, smoothing >= 0 ? <i32>param(c, smoothing, b0 + j) : 1);
        mean(1, j).reset(ringsD + <usize>j * ringBytes, <i32>param(c, dWindow, b0 + j));
      }
      for (t = s; t < e; ++t) {
        const ct = at(close, t);
        for (let j = 0; j < nb; ++j) {
          let slow = NaN;
          if (t - s >= <i32>slot(kw, j) - 1) slow = mean(0, j).push(stochK(ct, highest(j, t), lowest(j, t)));
          putKD<O>(c, t, b0 + j, !isNaN(slow), slow, mean(1, j));
        }
      }
    }
  }
  return OK;
}

export function stochfScratch(T: i32): f64 { return stochScratch(T); }

// TA-Lib RSI of the valid run x[s, e), from bar s + n on.
function rsiRun(x: usize, s: i32, e: i32, n: i32, rsi: usize): void {
  if (s + n >= e) return;
  const nd = <f64>n;
  let gain = 0.0, loss = 0.0;
  for (let t = s + 1; t < e; ++t) {
    const d = at(x, t) - at(x, t - 1);
    const up = d > 0.0 ? d : 0.0, down = d < 0.0 ? -d : 0.0;
    if (t <= s + n) {
      gain += up;
      loss += down;
      if (t < s + n) continue;
      gain /= nd;
      loss /= nd;
    } else {
      gain = wilderStep(gain, up, nd);
      loss = wilderStep(loss, down, nd);
    }
    store<f64>(rsi + (<usize>t << 3), rsiFromAverages(gain, loss));
  }
}

export function stochRsiScratch(T: i32): f64 { return <f64>T + 3.0 * <f64>BLOCK * <f64>windowCapacity(T) + STATE_DOUBLES; }

export function stochRsi<O>(c: Call): i32 {
  if (<f64>c.scratchLen < stochRsiScratch(c.T)) return SCRATCH_TOO_SMALL;
  placeState(c);
  if (!windowsFit(c, 0) || !windowsFit(c, 1) || !windowsFit(c, 2)) return BAD_PARAM;
  const x = input(c, 0);
  const rsi = c.scratch;
  const cap = windowCapacity(c.T);
  const ringBytes = <usize>cap << 3;
  const highIdx = c.scratch + (<usize>c.T << 3);
  const lowIdx = highIdx + <usize>BLOCK * ringBytes;
  const rings = lowIdx + <usize>BLOCK * ringBytes;
  const kw = lane(0);
  let r1 = c.v0;
  for (let r0 = c.v0; r0 < c.v1; r0 = r1) {
    const rsiWindow = param(c, 0, r0);
    for (r1 = r0 + 1; r1 < c.v1 && param(c, 0, r1) == rsiWindow; ++r1) {}
    const n = <i32>rsiWindow;
    let t = 0;
    while (t < c.T) {
      if (!validAt(c, 1, t)) { ++t; continue; }
      const e = segmentEnd(c, 1, t);
      rsiRun(x, t, e, n, rsi);
      t = e;
    }
    for (let b0 = r0; b0 < r1; b0 += BLOCK) {
      const nb = min(BLOCK, r1 - b0);
      for (let j = 0; j < nb; ++j) setSlot(kw, j, param(c, 1, b0 + j));
      t = 0;
      while ((t = skipGaps<O>(c, 1, t, b0, nb)) < c.T) {
        const s = t, e = segmentEnd(c, 1, t);
        for (let j = 0; j < nb; ++j) {
          deque(0, j).reset(highIdx + <usize>j * ringBytes, cap, true);
          deque(1, j).reset(lowIdx + <usize>j * ringBytes, cap, false);
          mean(1, j).reset(rings + <usize>j * ringBytes, <i32>param(c, 2, b0 + j));
        }
        for (t = s; t < e; ++t) {
          for (let j = 0; j < nb; ++j) {
            let has = false;
            let fast = NaN;
            if (t >= s + n) {
              const kn = <i32>slot(kw, j);
              const hi = deque(0, j), lo = deque(1, j);
              hi.push(rsi, t, kn);
              lo.push(rsi, t, kn);
              has = t - (s + n) >= kn - 1;
              if (has) fast = stochK(at(rsi, t), at(rsi, hi.front()), at(rsi, lo.front()));
            }
            putKD<O>(c, t, b0 + j, has, fast, mean(1, j));
          }
        }
      }
    }
  }
  return OK;
}

export function williamsRScratch(T: i32): f64 { return rangeScratch(T) + STATE_DOUBLES; }

export function williamsR<O>(c: Call): i32 {
  if (<f64>c.scratchLen < williamsRScratch(c.T)) return SCRATCH_TOO_SMALL;
  placeState(c);
  if (!windowsFit(c, 0)) return BAD_PARAM;
  const highs = c.scratch, lows = buildRange(input(c, 0), input(c, 1), c.T, c.scratch);
  const close = input(c, 2);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let j = 0; j < nb; ++j) setWindow(j, <i32>param(c, 0, b0 + j), highs, lows, c.T);
    let t = 0;
    while ((t = skipGaps<O>(c, 3, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 3, t);
      for (t = s; t < e; ++t) {
        for (let j = 0; j < nb; ++j) {
          const w = <i32>param(c, 0, b0 + j);
          let v = NaN;
          if (t - s >= w - 1) {
            const hh = highest(j, t);
            const diff = (hh - lowest(j, t)) / -100.0;
            v = diff != 0.0 ? (hh - at(close, t)) / diff : 0.0;
          }
          put<O>(c, 0, t, b0 + j, v);
        }
      }
    }
  }
  return OK;
}

// TA-Lib CCI at bar t of the run starting at s, summing its circular buffer
// in slot order (see native/oscillators.h).
function cciAt(tp: usize, s: i32, t: i32, n: i32): f64 {
  const nd = <f64>n;
  const slot0 = t - (t - s) % n;
  let sum = 0.0;
  for (let i = slot0; i <= t; ++i) sum += at(tp, i);
  for (let i = t - n + 1; i < slot0; ++i) sum += at(tp, i);
  const mean = sum / nd;
  let dev = 0.0;
  for (let i = slot0; i <= t; ++i) dev += Math.abs(at(tp, i) - mean);
  for (let i = t - n + 1; i < slot0; ++i) dev += Math.abs(at(tp, i) - mean);
  const diff = at(tp, t) - mean;
  return diff != 0.0 && dev != 0.0 ? diff / (0.015 * (dev / nd)) : 0.0;
}

export function cciScratch(T: i32): f64 { return <f64>T; }

export function cci<O>(c: Call): i32 {
  if (<f64>c.scratchLen < cciScratch(c.T)) return SCRATCH_TOO_SMALL;
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const tp = c.scratch;
  for (let t = 0; t < c.T; ++t) store<f64>(tp + (<usize>t << 3), (at(high, t) + at(low, t) + at(close, t)) / 3.0);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 3, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 3, t);
      for (t = s; t < e; ++t) {
        for (let j = 0; j < nb; ++j) {
          const w = <i32>param(c, 0, b0 + j);
          put<O>(c, 0, t, b0 + j, t - s >= w - 1 ? cciAt(tp, s, t, w) : NaN);
        }
      }
    }
  }
  return OK;
}

export function ultoscScratch(T: i32): f64 { return 2.0 * <f64>T + STATE_DOUBLES; }

export function ultosc<O>(c: Call): i32 {
  if (<f64>c.scratchLen < ultoscScratch(c.T)) return SCRATCH_TOO_SMALL;
  placeState(c);
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const bp = c.scratch, tr = c.scratch + (<usize>c.T << 3);
  for (let t = 1; t < c.T; ++t) {
    const l = at(low, t), pc = at(close, t - 1);
    store<f64>(bp + (<usize>t << 3), at(close, t) - (l < pc ? l : pc));
    store<f64>(tr + (<usize>t << 3), trueRange(at(high, t), l, pc));
  }
  // Lanes 0..2: the windows sorted (min, middle, max); 3..5: buying-pressure
  // sums; 6..8: true-range sums.
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let j = 0; j < nb; ++j) {
      const w0 = param(c, 0, b0 + j), w1 = param(c, 1, b0 + j), w2 = param(c, 2, b0 + j);
      const lo = min(w0, min(w1, w2)), hi = max(w0, max(w1, w2));
      setSlot(lane(0), j, lo);
      setSlot(lane(1), j, w0 + w1 + w2 - lo - hi);
      setSlot(lane(2), j, hi);
    }
    let t = 0;
    while ((t = skipGaps<O>(c, 3, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 3, t);
      for (let q = 3; q < 9; ++q) for (let j = 0; j < nb; ++j) setSlot(lane(q), j, 0.0);
      for (t = s; t < e; ++t) {
        const bpt = at(bp, t), trt = at(tr, t);
        for (let j = 0; j < nb; ++j) {
          const first = s + <i32>slot(lane(2), j);
          for (let q = 0; q < 3; ++q) {
            if (t > first - <i32>slot(lane(q), j)) {
              setSlot(lane(3 + q), j, slot(lane(3 + q), j) + bpt);
              setSlot(lane(6 + q), j, slot(lane(6 + q), j) + trt);
            }
          }
          let v = NaN;
          if (t >= first) {
            const a0 = slot(lane(3), j), a1 = slot(lane(4), j), a2 = slot(lane(5), j);
            const r0 = slot(lane(6), j), r1 = slot(lane(7), j), r2 = slot(lane(8), j);
            let sum = 0.0;
            if (!nearZero(r0)) sum += 4.0 * (a0 / r0);
            if (!nearZero(r1)) sum += 2.0 * (a1 / r1);
            if (!nearZero(r2)) sum += a2 / r2;
            v = 100.0 * (sum / 7.0);
            for (let q = 0; q < 3; ++q) {
              const oldest = t - <i32>slot(lane(q), j) + 1;
              setSlot(lane(3 + q), j, slot(lane(3 + q), j) - at(bp, oldest));
              setSlot(lane(6 + q), j, slot(lane(6 + q), j) - at(tr, oldest));
            }
          }
          put<O>(c, 0, t, b0 + j, v);
        }
      }
    }
  }
  return OK;
}

@inline function fisherValue(x: f64, highest: f64, lowest: f64, prev: f64): f64 {
  const range = highest - lowest;
  const position = range != 0.0 ? (x - lowest) / range - 0.5 : 0.0;
  const v = 0.66 * position + 0.67 * prev;
  return v > 0.999 ? 0.999 : (v < -0.999 ? -0.999 : v);
}

export function fisherScratch(T: i32): f64 { return <f64>T + rangeScratch(T) + STATE_DOUBLES; }

export function fisher<O>(c: Call): i32 {
  if (<f64>c.scratchLen < fisherScratch(c.T)) return SCRATCH_TOO_SMALL;
  placeState(c);
  if (!windowsFit(c, 0)) return BAD_PARAM;
  const high = input(c, 0), low = input(c, 1);
  const hl2 = c.scratch;
  for (let t = 0; t < c.T; ++t) store<f64>(hl2 + (<usize>t << 3), (at(high, t) + at(low, t)) / 2.0);
  const highs = hl2 + (<usize>c.T << 3), lows = buildRange(hl2, hl2, c.T, highs);
  const value = lane(3), fish = lane(4);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let j = 0; j < nb; ++j) setWindow(j, <i32>param(c, 0, b0 + j), highs, lows, c.T);
    let t = 0;
    while ((t = skipGaps<O>(c, 2, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 2, t);
      for (let j = 0; j < nb; ++j) { setSlot(value, j, 0.0); setSlot(fish, j, 0.0); }
      for (t = s; t < e; ++t) {
        for (let j = 0; j < nb; ++j) {
          const w = <i32>param(c, 0, b0 + j);
          let f = NaN, trigger = NaN;
          if (t - s >= w - 1) {
            const prev = slot(fish, j);
            if (t - s >= w) trigger = prev;
            const v = fisherValue(at(hl2, t), highest(j, t), lowest(j, t), slot(value, j));
            setSlot(value, j, v);
            f = 0.5 * Math.log((1.0 + v) / (1.0 - v)) + 0.5 * prev;
            setSlot(fish, j, f);
          }
          put<O>(c, 0, t, b0 + j, f);
          put<O>(c, 1, t, b0 + j, trigger);
        }
      }
    }
  }
  return OK;
}

export const OSCILLATORS_TABLE = "momentum.stoch:3:3:2,momentum.stochf:3:2:2,momentum.stoch_rsi:1:3:2,momentum.williams_r:3:1:1,momentum.cci:3:1:1,momentum.ultosc:3:3:1,momentum.fisher:2:1:2";

export function oscillatorsScratch(k: i32, T: i32): f64 {
  switch (k) {
    case 0: return stochScratch(T);
    case 1: return stochfScratch(T);
    case 2: return stochRsiScratch(T);
    case 3: return williamsRScratch(T);
    case 4: return cciScratch(T);
    case 5: return ultoscScratch(T);
    case 6: return fisherScratch(T);
  }
  return -1.0;
}

export function oscillatorsRun<O>(k: i32, c: Call): i32 {
  switch (k) {
    case 0: return stochastic<O>(c, 1, 2);
    case 1: return stochastic<O>(c, -1, 1);
    case 2: return stochRsi<O>(c);
    case 3: return williamsR<O>(c);
    case 4: return cci<O>(c);
    case 5: return ultosc<O>(c);
    case 6: return fisher<O>(c);
  }
  return -1;
}
