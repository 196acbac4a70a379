// Volatility measures; mirrors native/volatility.h.
import { BLOCK, Call, OK, SCRATCH_TOO_SMALL, STATE_A, STATE_C, at, input, param, put, putNaNAll, setSlot, slot } from "./abi";
import {
  maxParam, MOMENTS, rollingMomentsScratch, segmentEnd, skipGaps, sumRange, trueRange, trueRanges,
  wilderStep,
} from "./primitives";

export function trScratch(T: i32): f64 { return 0.0; }

// 0 when bars t-1 and t are valid, NaN otherwise: x - x is 0 for a number.
@inline function trGap(high: usize, low: usize, close: usize, t: i32): f64 {
  return (at(high, t) - at(high, t)) + (at(low, t) - at(low, t)) + (at(close, t) - at(close, t)) +
         (at(high, t - 1) - at(high, t - 1)) + (at(low, t - 1) - at(low, t - 1)) + (at(close, t - 1) - at(close, t - 1));
}

export function tr<O>(c: Call): i32 {
  if (c.T == 0) return OK;
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  for (let v = c.v0; v < c.v1; ++v) {
    put<O>(c, 0, 0, v, NaN);
    for (let t = 1; t < c.T; ++t)
      put<O>(c, 0, t, v, trueRange(at(high, t), at(low, t), at(close, t - 1)) + trGap(high, low, close, t));
  }
  return OK;
}

export function atrScratch(T: i32): f64 { return <f64>T; }
export function natrScratch(T: i32): f64 { return <f64>T; }

@inline function natrValue(atr: f64, close: f64): f64 { return close != 0.0 ? (atr / close) * 100.0 : NaN; }

function averageTrueRange<O>(c: Call, normalized: bool): i32 {
  if (<f64>c.scratchLen < atrScratch(c.T)) return SCRATCH_TOO_SMALL;
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const ranges = c.scratch;
  trueRanges(high, low, close, c.T, ranges);
  const state = STATE_A, seedAt = STATE_C;
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 3, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 3, t);
      for (let j = 0; j < nb; ++j) {
        const n = param(c, 0, b0 + j);
        const sa = <f64>s + n;
        setSlot(seedAt, j, sa);
        setSlot(state, j, sa < <f64>e ? sumRange(ranges, s + 1, <i32>n) / n : NaN);
      }
      for (t = s; t < e; ++t) {
        const tf = <f64>t;
        for (let j = 0; j < nb; ++j) {
          const sa = slot(seedAt, j);
          if (tf > sa) setSlot(state, j, wilderStep(slot(state, j), at(ranges, t), param(c, 0, b0 + j)));
          const v = normalized ? natrValue(slot(state, j), at(close, t)) : slot(state, j);
          put<O>(c, 0, t, b0 + j, tf >= sa ? v : NaN);
        }
      }
    }
  }
  return OK;
}

@inline function taStddev(variance: f64): f64 { return variance < 1e-14 ? 0.0 : Math.sqrt(variance); }

// The rolling-variance family (see spread in native/volatility.h).
const VARIANCE = 0, STDDEV = 1, BANDS = 2, BANDWIDTH = 3, PERCENT_B = 4;

export function spreadScratch(T: i32): f64 { return rollingMomentsScratch(T); }

function spread<O>(c: Call, kind: i32): i32 {
  if (<f64>c.scratchLen < spreadScratch(c.T)) return SCRATCH_TOO_SMALL;
  const x = input(c, 0);
  const m = MOMENTS;
  m.build(x, c.T, <i32>maxParam(c, 0), c.scratch);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const b1 = min(b0 + BLOCK, c.v1);
    for (let t = 0; t < c.T; ++t) {
      for (let v = b0; v < b1; ++v) {
        const w = <i32>param(c, 0, v);
        if (!m.valid(t, w)) { putNaNAll<O>(c, t, v, 1); continue; }
        const variance = m.variance(t, w);
        if (kind == VARIANCE) {
          put<O>(c, 0, t, v, variance);
        } else if (kind == STDDEV) {
          put<O>(c, 0, t, v, taStddev(variance) * param(c, 1, v));
        } else {
          const mid = m.mean(t, w), dev = taStddev(variance) * param(c, 1, v);
          const upper = mid + dev, lower = mid - dev;
          if (kind == BANDS) {
            put<O>(c, 0, t, v, mid);
            put<O>(c, 1, t, v, upper);
            put<O>(c, 2, t, v, lower);
          } else if (kind == BANDWIDTH) {
            put<O>(c, 0, t, v, mid != 0.0 ? (upper - lower) / mid : NaN);
          } else {
            put<O>(c, 0, t, v, upper != lower ? (at(x, t) - lower) / (upper - lower) : NaN);
          }
        }
      }
    }
  }
  return OK;
}

export function hvScratch(T: i32): f64 { return <f64>T + rollingMomentsScratch(T); }

export function hv<O>(c: Call): i32 {
  if (<f64>c.scratchLen < hvScratch(c.T)) return SCRATCH_TOO_SMALL;
  const x = input(c, 0);
  const ret = c.scratch;
  for (let t = 0; t < c.T; ++t) {
    const r = t > 0 && at(x, t) > 0.0 && at(x, t - 1) > 0.0 ? Math.log1p((at(x, t) - at(x, t - 1)) / at(x, t - 1)) : NaN;
    store<f64>(ret + (<usize>t << 3), r);
  }
  const m = MOMENTS;
  m.build(ret, c.T, <i32>maxParam(c, 0), c.scratch + (<usize>c.T << 3));
  const scale = STATE_A;
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let j = 0; j < nb; ++j) setSlot(scale, j, 100.0 * Math.sqrt(param(c, 1, b0 + j)));
    for (let t = 0; t < c.T; ++t) {
      for (let j = 0; j < nb; ++j) {
        const w = <i32>param(c, 0, b0 + j);
        put<O>(c, 0, t, b0 + j, m.valid(t, w) ? Math.sqrt(m.variance(t, w)) * slot(scale, j) : NaN);
      }
    }
  }
  return OK;
}

export const VOLATILITY_TABLE = "volatility.tr:3:0:1,volatility.atr:3:1:1,volatility.natr:3:1:1,volatility.variance:1:1:1,volatility.stddev:1:2:1,volatility.bbands:1:2:3,volatility.bbands_bandwidth:1:2:1,volatility.bbands_percent_b:1:2:1,volatility.hv:1:2:1";

export function volatilityScratch(k: i32, T: i32): f64 {
  switch (k) {
    case 0: return trScratch(T);
    case 1: return atrScratch(T);
    case 2: return natrScratch(T);
    case 3: case 4: case 5: case 6: case 7: return spreadScratch(T);
    case 8: return hvScratch(T);
  }
  return -1.0;
}

export function volatilityRun<O>(k: i32, c: Call): i32 {
  switch (k) {
    case 0: return tr<O>(c);
    case 1: return averageTrueRange<O>(c, false);
    case 2: return averageTrueRange<O>(c, true);
    case 3: return spread<O>(c, VARIANCE);
    case 4: return spread<O>(c, STDDEV);
    case 5: return spread<O>(c, BANDS);
    case 6: return spread<O>(c, BANDWIDTH);
    case 7: return spread<O>(c, PERCENT_B);
    case 8: return hv<O>(c);
  }
  return -1;
}
