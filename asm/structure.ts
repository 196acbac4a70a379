// Market structure: candle anatomy, rolling extremes and sums, ranks, z-scores,
// pivots; mirrors native/structure.h.
import { BAD_PARAM, BLOCK, Call, MAX_WINDOW, OK, SCRATCH_TOO_SMALL, at, input, param, put, putNaNAll } from "./abi";
import {
  buildExtremes, emaLane, extremeAt, extremeLevels, extremeScratch, extremeWindowBack,
  extremeWindowLevel, inputGaps, lastGaps, maxParam, MOMENTS, prefixSums, prefixWindowSum,
  rollingMomentsScratch, segmentEnd, skipGaps, trueRange, validAt, wilderLane, windowsFit,
} from "./primitives";

// The four lengths of a candle: body, range, upper wick, lower wick.
@inline function candleTop(open: f64, close: f64): f64 { return open > close ? open : close; }
@inline function candleBottom(open: f64, close: f64): f64 { return open > close ? close : open; }

@inline function ratioOrNaN(x: f64, by: f64): f64 {
  return by != 0.0 ? x / by : NaN;
}

export function candleStatsScratch(T: i32): f64 { return 0.0; }

export function candleStats<O>(c: Call): i32 {
  const open = input(c, 0), high = input(c, 1), low = input(c, 2), close = input(c, 3);
  for (let t = 0; t < c.T; ++t) {
    const valid = validAt(c, 4, t);
    const o = at(open, t), h = at(high, t), l = at(low, t), cl = at(close, t);
    const top = candleTop(o, cl), bottom = candleBottom(o, cl);
    const body = top - bottom, range = h - l, upper = h - top, lower = bottom - l;
    const bodyPct = 100.0 * ratioOrNaN(body, range);
    const upperPct = 100.0 * ratioOrNaN(upper, range), lowerPct = 100.0 * ratioOrNaN(lower, range);
    for (let v = c.v0; v < c.v1; ++v) {
      put<O>(c, 0, t, v, valid ? body : NaN);
      put<O>(c, 1, t, v, valid ? range : NaN);
      put<O>(c, 2, t, v, valid ? upper : NaN);
      put<O>(c, 3, t, v, valid ? lower : NaN);
      put<O>(c, 4, t, v, valid ? bodyPct : NaN);
      put<O>(c, 5, t, v, valid ? upperPct : NaN);
      put<O>(c, 6, t, v, valid ? lowerPct : NaN);
    }
  }
  return OK;
}

export function candleStatsAtrNormScratch(T: i32): f64 { return 0.0; }

export function candleStatsAtrNorm<O>(c: Call): i32 {
  const open = input(c, 0), high = input(c, 1), low = input(c, 2), close = input(c, 3);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 4, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 4, t);
      for (let j = 0; j < nb; ++j) wilderLane(0, j).reset(param(c, 0, b0 + j));
      putNaNAll<O>(c, s, b0, nb);
      for (t = s + 1; t < e; ++t) {
        const o = at(open, t), h = at(high, t), l = at(low, t), cl = at(close, t);
        const range = trueRange(h, l, at(close, t - 1));
        const top = candleTop(o, cl), bottom = candleBottom(o, cl);
        for (let j = 0; j < nb; ++j) {
          const atr = wilderLane(0, j);
          if (!atr.push(range)) {
            putNaNAll<O>(c, t, b0 + j, 1);
            continue;
          }
          const a = atr.value;
          put<O>(c, 0, t, b0 + j, ratioOrNaN(top - bottom, a));
          put<O>(c, 1, t, b0 + j, ratioOrNaN(h - l, a));
          put<O>(c, 2, t, b0 + j, ratioOrNaN(h - top, a));
          put<O>(c, 3, t, b0 + j, ratioOrNaN(bottom - l, a));
        }
      }
    }
  }
  return OK;
}

export function distanceToMaNormScratch(T: i32): f64 { return 0.0; }

export function distanceToMaNorm<O>(c: Call): i32 {
  const x = input(c, 0), high = input(c, 1), low = input(c, 2), close = input(c, 3);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 4, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 4, t);
      for (let j = 0; j < nb; ++j) {
        emaLane(0, j).reset(param(c, 0, b0 + j));
        wilderLane(0, j).reset(param(c, 0, b0 + j));
      }
      for (t = s; t < e; ++t) {
        const range = t > s ? trueRange(at(high, t), at(low, t), at(close, t - 1)) : 0.0;
        const xt = at(x, t);
        for (let j = 0; j < nb; ++j) {
          const ema = emaLane(0, j), atr = wilderLane(0, j);
          ema.push(xt);
          const ready = t > s && atr.push(range);
          put<O>(c, 0, t, b0 + j, ready ? ratioOrNaN(xt - ema.value, atr.value) : NaN);
        }
      }
    }
  }
  return OK;
}

// Rolling extremes (native rollingExtremes): MAX, MIN, or the mid of the max
// of input 0 and the min of input nIn - 1. The wasm backend writes
// variant-major, so each variant is one pass over the bars.
const KIND_MAX: i32 = 0, KIND_MIN: i32 = 1, KIND_MID: i32 = 2;

export function rollingMaxScratch(T: i32): f64 { return extremeScratch(T) + <f64>T; }
export function rollingMinScratch(T: i32): f64 { return extremeScratch(T) + <f64>T; }
export function midpointScratch(T: i32): f64 { return 2.0 * extremeScratch(T) + <f64>T; }
export function midpriceScratch(T: i32): f64 { return 2.0 * extremeScratch(T) + <f64>T; }

function rollingExtremes<O>(c: Call, kind: i32, nIn: i32): i32 {
  const T = c.T;
  if (<f64>c.scratchLen < (kind == KIND_MID ? 2.0 : 1.0) * extremeScratch(T) + <f64>T) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  const levels = extremeLevels(<i32>maxParam(c, 0));
  const lastGap = c.scratch;
  inputGaps(c, nIn, lastGap);
  const highs = lastGap + (<usize>T << 3);
  const lows = highs + (kind == KIND_MID ? <usize>extremeScratch(T) << 3 : 0);
  if (kind != KIND_MIN) buildExtremes(true, input(c, 0), T, levels, highs);
  if (kind != KIND_MAX) buildExtremes(false, input(c, nIn - 1), T, levels, lows);
  for (let v = c.v0; v < c.v1; ++v) {
    const n = <i32>param(c, 0, v);
    const hiLevel = extremeWindowLevel(highs, T, n), loLevel = extremeWindowLevel(lows, T, n);
    const back = extremeWindowBack(n);
    for (let t = 0; t < T; ++t) {
      let x = NaN;
      if (t - <i32>at(lastGap, t) >= n) {
        const hi = kind != KIND_MIN ? extremeAt(true, hiLevel, back, t) : 0.0;
        const lo = kind != KIND_MAX ? extremeAt(false, loLevel, back, t) : 0.0;
        x = kind == KIND_MAX ? hi : kind == KIND_MIN ? lo : (hi + lo) / 2.0;
      }
      put<O>(c, 0, t, v, x);
    }
  }
  return OK;
}

export function rollingMax<O>(c: Call): i32 { return rollingExtremes<O>(c, KIND_MAX, 1); }
export function rollingMin<O>(c: Call): i32 { return rollingExtremes<O>(c, KIND_MIN, 1); }
export function midpoint<O>(c: Call): i32 { return rollingExtremes<O>(c, KIND_MID, 1); }
export function midprice<O>(c: Call): i32 { return rollingExtremes<O>(c, KIND_MID, 2); }

export function rollingSumScratch(T: i32): f64 { return 2.0 * <f64>T + 1.0; }

export function rollingSum<O>(c: Call): i32 {
  if (<f64>c.scratchLen < rollingSumScratch(c.T)) return SCRATCH_TOO_SMALL;
  const prefix = c.scratch, lastGap = c.scratch + (<usize>(c.T + 1) << 3);
  prefixSums(input(c, 0), c.T, prefix, lastGap);
  for (let v = c.v0; v < c.v1; ++v) {
    const n = <i32>param(c, 0, v);
    for (let t = 0; t < c.T; ++t) put<O>(c, 0, t, v, t - <i32>at(lastGap, t) >= n ? prefixWindowSum(prefix, t, n) : NaN);
  }
  return OK;
}

export function percentRankScratch(T: i32): f64 { return <f64>T + <f64>MAX_WINDOW + 1.0; }

export function percentRank<O>(c: Call): i32 {
  if (<f64>c.scratchLen < percentRankScratch(c.T)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  const x = input(c, 0);
  const lastGap = c.scratch, notAbove = c.scratch + (<usize>c.T << 3);
  lastGaps(x, c.T, lastGap);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let longest = 0;
    for (let j = 0; j < nb; ++j) longest = max(longest, <i32>param(c, 0, b0 + j));
    for (let t = 0; t < c.T; ++t) {
      const run = t - <i32>at(lastGap, t);
      const reach = min(longest, run - 1);
      const xt = at(x, t);
      let count = 0.0;
      for (let i = 1; i <= reach; ++i) {
        if (at(x, t - i) <= xt) count += 1.0;
        store<f64>(notAbove + (<usize>i << 3), count);
      }
      for (let j = 0; j < nb; ++j) {
        const w = <i32>param(c, 0, b0 + j);
        put<O>(c, 0, t, b0 + j, run > w ? 100.0 * (at(notAbove, w) / <f64>w) : NaN);
      }
    }
  }
  return OK;
}

export function zscoreScratch(T: i32): f64 { return rollingMomentsScratch(T); }

export function zscore<O>(c: Call): i32 {
  if (<f64>c.scratchLen < zscoreScratch(c.T)) return SCRATCH_TOO_SMALL;
  const x = input(c, 0);
  const moments = MOMENTS;
  moments.build(x, c.T, <i32>maxParam(c, 0), c.scratch);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let t = 0; t < c.T; ++t) {
      for (let j = 0; j < nb; ++j) {
        const w = <i32>param(c, 0, b0 + j);
        let v = NaN;
        if (moments.valid(t, w)) v = ratioOrNaN(at(x, t) - moments.mean(t, w), Math.sqrt(moments.variance(t, w)));
        put<O>(c, 0, t, b0 + j, v);
      }
    }
  }
  return OK;
}

// Per variant: left, right, then level and back of the four windows.
const PIVOT_LANE: i32 = 10;

export function pivotsScratch(T: i32): f64 { return 2.0 * extremeScratch(T) + <f64>T + <f64>(BLOCK * PIVOT_LANE); }

export function pivots<O>(c: Call): i32 {
  const T = c.T;
  if (<f64>c.scratchLen < pivotsScratch(T)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0) || !windowsFit(c, 1)) return BAD_PARAM;
  const high = input(c, 0), low = input(c, 1);
  const levels = extremeLevels(<i32>max(maxParam(c, 0), maxParam(c, 1)));
  const lastGap = c.scratch;
  inputGaps(c, 2, lastGap);
  const highs = lastGap + (<usize>T << 3), lows = highs + (<usize>extremeScratch(T) << 3);
  const lanes = lows + (<usize>extremeScratch(T) << 3);
  buildExtremes(true, high, T, levels, highs);
  buildExtremes(false, low, T, levels, lows);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let j = 0; j < nb; ++j) {
      const lane = lanes + <usize>(j * PIVOT_LANE) * 8;
      const left = <i32>param(c, 0, b0 + j), right = <i32>param(c, 1, b0 + j);
      store<f64>(lane, <f64>left);
      store<f64>(lane, <f64>right, 8);
      store<f64>(lane, <f64>extremeWindowLevel(highs, T, left), 16);
      store<f64>(lane, <f64>extremeWindowBack(left), 24);
      store<f64>(lane, <f64>extremeWindowLevel(highs, T, right), 32);
      store<f64>(lane, <f64>extremeWindowBack(right), 40);
      store<f64>(lane, <f64>extremeWindowLevel(lows, T, left), 48);
      store<f64>(lane, <f64>extremeWindowBack(left), 56);
      store<f64>(lane, <f64>extremeWindowLevel(lows, T, right), 64);
      store<f64>(lane, <f64>extremeWindowBack(right), 72);
    }
    for (let t = 0; t < T; ++t) {
      const run = t - <i32>at(lastGap, t);
      for (let j = 0; j < nb; ++j) {
        const lane = lanes + <usize>(j * PIVOT_LANE) * 8;
        const left = <i32>load<f64>(lane), right = <i32>load<f64>(lane, 8);
        let ph = NaN, pl = NaN;
        if (run > left + right) {
          const p = t - right;
          const hp = at(high, p), lp = at(low, p);
          if (hp > extremeAt(true, <usize>load<f64>(lane, 16), <i32>load<f64>(lane, 24), p - 1)
            && hp >= extremeAt(true, <usize>load<f64>(lane, 32), <i32>load<f64>(lane, 40), t)) ph = hp;
          if (lp < extremeAt(false, <usize>load<f64>(lane, 48), <i32>load<f64>(lane, 56), p - 1)
            && lp <= extremeAt(false, <usize>load<f64>(lane, 64), <i32>load<f64>(lane, 72), t)) pl = lp;
        }
        put<O>(c, 0, t, b0 + j, ph);
        put<O>(c, 1, t, b0 + j, pl);
      }
    }
  }
  return OK;
}

export const STRUCTURE_TABLE = "structure.candle_stats:4:0:7,structure.candle_stats_atr_norm:4:1:4,structure.distance_to_ma_norm:4:1:1,structure.percent_rank:1:1:1,structure.zscore:1:1:1,structure.pivots:2:2:2,structure.max:1:1:1,structure.min:1:1:1,structure.sum:1:1:1,structure.midpoint:1:1:1,structure.midprice:2:1:1";

export function structureScratch(k: i32, T: i32): f64 {
  switch (k) {
    case 0: return candleStatsScratch(T);
    case 1: return candleStatsAtrNormScratch(T);
    case 2: return distanceToMaNormScratch(T);
    case 3: return percentRankScratch(T);
    case 4: return zscoreScratch(T);
    case 5: return pivotsScratch(T);
    case 6: return rollingMaxScratch(T);
    case 7: return rollingMinScratch(T);
    case 8: return rollingSumScratch(T);
    case 9: return midpointScratch(T);
    case 10: return midpriceScratch(T);
  }
  return -1.0;
}

export function structureRun<O>(k: i32, c: Call): i32 {
  switch (k) {
    case 0: return candleStats<O>(c);
    case 1: return candleStatsAtrNorm<O>(c);
    case 2: return distanceToMaNorm<O>(c);
    case 3: return percentRank<O>(c);
    case 4: return zscore<O>(c);
    case 5: return pivots<O>(c);
    case 6: return rollingMax<O>(c);
    case 7: return rollingMin<O>(c);
    case 8: return rollingSum<O>(c);
    case 9: return midpoint<O>(c);
    case 10: return midprice<O>(c);
  }
  return -1;
}
