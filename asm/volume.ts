// Volume: on-balance volume, accumulation/distribution, money flow, VWAP;
// mirrors native/volume.h.
import { BAD_PARAM, BLOCK, Call, OK, SCRATCH_TOO_SMALL, STATE_A, STATE_B, STATE_C, STATE_D, STATE_E, at, input, param, put, putNaNAll, setSlot, slot } from "./abi";
import { sma, smaScratch } from "./ma";
import {
  prefixSums, prefixWindowSum, segmentEnd, skipGaps, validAt, WeightedMoments, weightedMomentsScratch,
  WINDOW_MOMENTS, windowCapacity, windowsFit,
} from "./primitives";

@inline function typicalPrice(high: f64, low: f64, close: f64): f64 {
  return (high + low + close) / 3.0;
}

@inline function moneyFlowVolume(high: f64, low: f64, close: f64, volume: f64): f64 {
  const range = high - low;
  return range > 0.0 ? (((close - low) - (high - close)) / range) * volume : 0.0;
}

function putEvery<O>(c: Call, k: i32, t: i32, x: f64): void {
  for (let v = c.v0; v < c.v1; ++v) put<O>(c, k, t, v, x);
}

export function obvScratch(T: i32): f64 { return 0.0; }

export function obv<O>(c: Call): i32 {
  const close = input(c, 0), volume = input(c, 1);
  let t = 0;
  while (t < c.T) {
    if (!validAt(c, 2, t)) { putEvery<O>(c, 0, t, NaN); ++t; continue; }
    const s = t, e = segmentEnd(c, 2, t);
    let level = at(volume, s);
    putEvery<O>(c, 0, s, level);
    for (t = s + 1; t < e; ++t) {
      const x = at(close, t), prev = at(close, t - 1);
      if (x > prev) level += at(volume, t);
      else if (x < prev) level -= at(volume, t);
      putEvery<O>(c, 0, t, level);
    }
  }
  return OK;
}

function adLine(c: Call, ad: usize): void {
  const high = input(c, 0), low = input(c, 1), close = input(c, 2), volume = input(c, 3);
  let t = 0;
  while (t < c.T) {
    if (!validAt(c, 4, t)) { store<f64>(ad + (<usize>t << 3), NaN); ++t; continue; }
    const e = segmentEnd(c, 4, t);
    let sum = 0.0;
    for (; t < e; ++t) {
      sum += moneyFlowVolume(at(high, t), at(low, t), at(close, t), at(volume, t));
      store<f64>(ad + (<usize>t << 3), sum);
    }
  }
}

export function adScratch(T: i32): f64 { return <f64>T; }

export function ad<O>(c: Call): i32 {
  if (<f64>c.scratchLen < adScratch(c.T)) return SCRATCH_TOO_SMALL;
  adLine(c, c.scratch);
  for (let t = 0; t < c.T; ++t) putEvery<O>(c, 0, t, at(c.scratch, t));
  return OK;
}

export function adoscScratch(T: i32): f64 { return <f64>T; }

export function adosc<O>(c: Call): i32 {
  if (<f64>c.scratchLen < adoscScratch(c.T)) return SCRATCH_TOO_SMALL;
  const line = c.scratch;
  adLine(c, line);
  const fast = STATE_A, slow = STATE_B, kFast = STATE_C, kSlow = STATE_D, from = STATE_E;
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 4, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 4, t);
      for (let j = 0; j < nb; ++j) {
        const f = param(c, 0, b0 + j), sl = param(c, 1, b0 + j);
        setSlot(kFast, j, 2.0 / (f + 1.0));
        setSlot(kSlow, j, 2.0 / (sl + 1.0));
        setSlot(from, j, <f64>s + (f > sl ? f : sl) - 1.0);
        setSlot(fast, j, at(line, s));
        setSlot(slow, j, at(line, s));
      }
      for (t = s; t < e; ++t) {
        const x = at(line, t);
        for (let j = 0; j < nb; ++j) {
          if (t > s) {
            const kf = slot(kFast, j), ks = slot(kSlow, j);
            setSlot(fast, j, kf * x + (1.0 - kf) * slot(fast, j));
            setSlot(slow, j, ks * x + (1.0 - ks) * slot(slow, j));
          }
          put<O>(c, 0, t, b0 + j, <f64>t >= slot(from, j) ? slot(fast, j) - slot(slow, j) : NaN);
        }
      }
    }
  }
  return OK;
}

// The two per-bar series of windowRatio (native/volume.h), by indicator.
const MFI: i32 = 0, CMF: i32 = 1, VWAP: i32 = 2;

function fillRatioSeries(c: Call, kind: i32, a: usize, b: usize): void {
  const high = input(c, 0), low = input(c, 1), close = input(c, 2), volume = input(c, 3);
  let prevValid = false;
  let prevTp = 0.0;
  for (let t = 0; t < c.T; ++t) {
    const i = <usize>t << 3;
    const valid = validAt(c, 4, t);
    const h = at(high, t), l = at(low, t), cl = at(close, t), v = at(volume, t);
    if (kind == MFI) {
      const tp = typicalPrice(h, l, cl);
      if (valid && prevValid) {
        const flow = tp * v;
        store<f64>(a + i, tp > prevTp ? flow : 0.0);
        store<f64>(b + i, tp < prevTp ? flow : 0.0);
      } else {
        store<f64>(a + i, NaN);
        store<f64>(b + i, NaN);
      }
      prevValid = valid;
      prevTp = tp;
    } else {
      const x = kind == CMF ? moneyFlowVolume(h, l, cl, v) : typicalPrice(h, l, cl) * v;
      store<f64>(a + i, valid ? x : NaN);
      store<f64>(b + i, valid ? v : NaN);
    }
  }
}

@inline function ratioValue(kind: i32, a: f64, b: f64): f64 {
  if (kind == MFI) {
    const sum = a + b;
    return sum < 1.0 ? 0.0 : 100.0 * (a / sum);
  }
  return b != 0.0 ? a / b : NaN;
}

function windowRatioScratch(T: i32): f64 { return 5.0 * <f64>T + 2.0; }

function windowRatio<O>(c: Call, kind: i32): i32 {
  if (<f64>c.scratchLen < windowRatioScratch(c.T)) return SCRATCH_TOO_SMALL;
  const T = c.T;
  const a = c.scratch, b = a + (<usize>T << 3), sumA = b + (<usize>T << 3);
  const sumB = sumA + (<usize>(T + 1) << 3), lastGap = sumB + (<usize>(T + 1) << 3);
  fillRatioSeries(c, kind, a, b);
  prefixSums(a, T, sumA, lastGap);
  prefixSums(b, T, sumB, lastGap);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let t = 0; t < T; ++t) {
      const run = t - <i32>at(lastGap, t);
      for (let j = 0; j < nb; ++j) {
        const w = <i32>param(c, 0, b0 + j);
        const v = run >= w ? ratioValue(kind, prefixWindowSum(sumA, t, w), prefixWindowSum(sumB, t, w)) : NaN;
        put<O>(c, 0, t, b0 + j, v);
      }
    }
  }
  return OK;
}

export function mfiScratch(T: i32): f64 { return windowRatioScratch(T); }
export function mfi<O>(c: Call): i32 { return windowRatio<O>(c, MFI); }

export function cmfScratch(T: i32): f64 { return windowRatioScratch(T); }
export function cmf<O>(c: Call): i32 { return windowRatio<O>(c, CMF); }

export function vwapScratch(T: i32): f64 { return windowRatioScratch(T); }
export function vwap<O>(c: Call): i32 { return windowRatio<O>(c, VWAP); }

// A WeightedMoments object per variant of a block, each followed by its tail.
const LANE_BYTES: usize = (offsetof<WeightedMoments>() + 7) & ~7;

function laneBytes(T: i32): usize {
  return LANE_BYTES + (<usize>weightedMomentsScratch(windowCapacity(T)) << 3);
}

export function vwapDeviationScratch(T: i32): f64 {
  return <f64>T + <f64>BLOCK * <f64>(laneBytes(T) >> 3);
}

export function vwapDeviation<O>(c: Call): i32 {
  if (<f64>c.scratchLen < vwapDeviationScratch(c.T)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  const high = input(c, 0), low = input(c, 1), close = input(c, 2), volume = input(c, 3);
  const tp = c.scratch, lanes = c.scratch + (<usize>c.T << 3), stride = laneBytes(c.T);
  for (let t = 0; t < c.T; ++t) store<f64>(tp + (<usize>t << 3), typicalPrice(at(high, t), at(low, t), at(close, t)));
  const m = WINDOW_MOMENTS;
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 4, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 4, t);
      for (let j = 0; j < nb; ++j) {
        const lane = lanes + <usize>j * stride;
        changetype<WeightedMoments>(lane).reset(lane + LANE_BYTES, <i32>param(c, 0, b0 + j));
      }
      for (t = s; t < e; ++t) {
        for (let j = 0; j < nb; ++j) {
          const window = changetype<WeightedMoments>(lanes + <usize>j * stride);
          window.push(tp, volume, t, m);
          if (!window.full() || m.weight == 0.0) {
            putNaNAll<O>(c, t, b0 + j, 1);
            continue;
          }
          const sd = Math.sqrt(m.m2 / m.weight), band = param(c, 1, b0 + j) * sd;
          put<O>(c, 0, t, b0 + j, m.mean);
          put<O>(c, 1, t, b0 + j, m.mean + band);
          put<O>(c, 2, t, b0 + j, m.mean - band);
          put<O>(c, 3, t, b0 + j, sd);
        }
      }
    }
  }
  return OK;
}

export const VOLUME_TABLE = "volume.obv:2:0:1,volume.ad:4:0:1,volume.adosc:4:2:1,volume.mfi:4:1:1,volume.cmf:4:1:1,volume.volume_sma:1:1:1,volume.vwap:4:1:1,volume.vwap_deviation:4:2:4";

export function volumeScratch(k: i32, T: i32): f64 {
  switch (k) {
    case 0: return obvScratch(T);
    case 1: return adScratch(T);
    case 2: return adoscScratch(T);
    case 3: return mfiScratch(T);
    case 4: return cmfScratch(T);
    case 5: return smaScratch(T);
    case 6: return vwapScratch(T);
    case 7: return vwapDeviationScratch(T);
  }
  return -1.0;
}

export function volumeRun<O>(k: i32, c: Call): i32 {
  switch (k) {
    case 0: return obv<O>(c);
    case 1: return ad<O>(c);
    case 2: return adosc<O>(c);
    case 3: return mfi<O>(c);
    case 4: return cmf<O>(c);
    case 5: return sma<O>(c);
    case 6: return vwap<O>(c);
    case 7: return vwapDeviation<O>(c);
  }
  return -1;
}
