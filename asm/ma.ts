// Moving averages; mirrors native/ma.h with the same arithmetic in the same
// order. Lanes live in static areas and scratch; wasm has no vector path, so
// there is no separate branch-free phase.
import { BAD_PARAM, BLOCK, Call, MAX_WINDOW, OK, SCRATCH_TOO_SMALL, STATE_A, STATE_B, STATE_C, STATE_D, at, input, param, put, setSlot, slot } from "./abi";
import {
  emaLane, emaStep, nearZero, prefixSums, prefixWindowSum, segmentEnd, skipGaps, wilderStep,
  wmaDivider, wmaNext, wmaPrime,
} from "./primitives";

export function smaScratch(T: i32): f64 { return 2.0 * T + 1.0; }

export function sma<O>(c: Call): i32 {
  if (<f64>c.scratchLen < smaScratch(c.T)) return SCRATCH_TOO_SMALL;
  const prefix = c.scratch;
  const lastGap = c.scratch + (<usize>(c.T + 1) << 3);
  prefixSums(input(c, 0), c.T, prefix, lastGap);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let t = 0; t < c.T; ++t) {
      const age = <f64>t - at(lastGap, t);
      const head = at(prefix, t + 1);
      for (let j = 0; j < nb; ++j) {
        const w = param(c, 0, b0 + j);
        // Multiply by 1/w, as native/ma.h does (within one ulp of TA-Lib's divide).
        const v = age >= w ? (head - at(prefix, t + 1 - <i32>w)) * (1.0 / w) : NaN;
        put<O>(c, 0, t, b0 + j, v);
      }
    }
  }
  return OK;
}

export function wmaScratch(T: i32): f64 { return 0.0; }

// Value i (from 0) of a series into the running WMA of span w whose sums sit
// at `sum` and `sub`; trailing is value i − w, ignored while i < w. NaN until
// the window is full (WmaLanes::feed).
function wmaFeed(sum: usize, sub: usize, x: f64, trailing: f64, i: i32, w: i32): f64 {
  if (i + 1 < w) {
    wmaPrime(sum, sub, x, <f64>(i + 1));
    return NaN;
  }
  const n = <f64>w;
  return wmaNext(sum, sub, x, i >= w ? trailing : 0.0, n, wmaDivider(n));
}

@inline function lane(area: usize, j: i32): usize { return area + (<usize>j << 3); }

function clearLanes(area: usize, nb: i32): void {
  for (let j = 0; j < nb; ++j) store<f64>(lane(area, j), 0.0);
}

export function wma<O>(c: Call): i32 {
  const x = input(c, 0);
  const sum = STATE_A, sub = STATE_B;
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 1, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 1, t);
      clearLanes(sum, nb);
      clearLanes(sub, nb);
      for (t = s; t < e; ++t) {
        const age = t - s;
        for (let j = 0; j < nb; ++j) {
          const n = <i32>param(c, 0, b0 + j);
          put<O>(c, 0, t, b0 + j, wmaFeed(lane(sum, j), lane(sub, j), at(x, t), at(x, t - min(age, n)), age, n));
        }
      }
    }
  }
  return OK;
}

// EMA, DEMA, TEMA, T3, RMA and ZLEMA: chains of smoothers over EmaStream
// lanes (lane d of variant j is stage d); mirrors emaChain in native/ma.h.
const EMA = 0, DEMA = 1, TEMA = 2, T3 = 3, RMA = 4, ZLEMA = 5;

@inline function chainDepth(kind: i32): i32 {
  return kind == DEMA ? 2 : kind == TEMA ? 3 : kind == T3 ? 6 : 1;
}

@inline function t3Step(e: f64, x: f64, k: f64): f64 { return k * x + (1.0 - k) * e; }

@inline function zlemaLag(n: f64): i32 { return (<i32>n - 1) / 2; }

function emaChain<O>(c: Call, kind: i32): i32 {
  const x = input(c, 0);
  const depth = chainDepth(kind);
  const c1 = STATE_A, c2 = STATE_B, c3 = STATE_C, c4 = STATE_D;
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    if (kind == T3) {
      for (let j = 0; j < nb; ++j) {
        const a = param(c, 1, b0 + j), a2 = a * a, k1 = -(a2 * a);
        setSlot(c1, j, k1);
        setSlot(c2, j, 3.0 * (a2 - k1));
        setSlot(c3, j, -6.0 * a2 - 3.0 * (a - k1));
        setSlot(c4, j, 1.0 + 3.0 * a - k1 + 3.0 * a2);
      }
    }
    let t = 0;
    while ((t = skipGaps<O>(c, 1, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 1, t);
      for (let d = 0; d < depth; ++d)
        for (let j = 0; j < nb; ++j) emaLane(d, j).reset(param(c, 0, b0 + j));
      for (t = s; t < e; ++t) {
        const xt = at(x, t);
        for (let j = 0; j < nb; ++j) {
          const lag = kind == ZLEMA ? zlemaLag(param(c, 0, b0 + j)) : 0;
          let ready = t - s >= lag;
          let v = ready ? (kind == ZLEMA ? xt + (xt - at(x, t - lag)) : xt) : 0.0;
          for (let d = 0; d < depth && ready; ++d) {
            const stage = emaLane(d, j);
            if (kind == T3 && stage.ready()) stage.value = t3Step(stage.value, v, stage.k);
            else if (kind == RMA && stage.ready()) stage.value = wilderStep(stage.value, v, stage.n);
            else ready = stage.push(v);
            v = stage.value;
          }
          if (!ready) v = NaN;
          else if (kind == DEMA) v = 2.0 * emaLane(0, j).value - emaLane(1, j).value;
          else if (kind == TEMA) v = emaLane(2, j).value + (3.0 * emaLane(0, j).value - 3.0 * emaLane(1, j).value);
          else if (kind == T3) {
            v = slot(c1, j) * emaLane(5, j).value + slot(c2, j) * emaLane(4, j).value
              + slot(c3, j) * emaLane(3, j).value + slot(c4, j) * emaLane(2, j).value;
          }
          put<O>(c, 0, t, b0 + j, v);
        }
      }
    }
  }
  return OK;
}

export function emaScratch(T: i32): f64 { return 0.0; }
export function demaScratch(T: i32): f64 { return 0.0; }
export function temaScratch(T: i32): f64 { return 0.0; }
export function t3Scratch(T: i32): f64 { return 0.0; }
export function rmaScratch(T: i32): f64 { return 0.0; }
export function zlemaScratch(T: i32): f64 { return 0.0; }

export function ema<O>(c: Call): i32 { return emaChain<O>(c, EMA); }
export function dema<O>(c: Call): i32 { return emaChain<O>(c, DEMA); }
export function tema<O>(c: Call): i32 { return emaChain<O>(c, TEMA); }
export function t3<O>(c: Call): i32 { return emaChain<O>(c, T3); }
export function rma<O>(c: Call): i32 { return emaChain<O>(c, RMA); }
export function zlema<O>(c: Call): i32 { return emaChain<O>(c, ZLEMA); }

export function trimaScratch(T: i32): f64 { return 2.0 * T + 1.0; }

@inline function trimaInner(n: i32): i32 { return n % 2 ? (n + 1) / 2 : n / 2; }

export function trima<O>(c: Call): i32 {
  if (<f64>c.scratchLen < trimaScratch(c.T)) return SCRATCH_TOO_SMALL;
  const prefix = c.scratch;
  const lastGap = c.scratch + (<usize>(c.T + 1) << 3);
  prefixSums(input(c, 0), c.T, prefix, lastGap);
  const sum = STATE_A;
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let t = 0; t < c.T; ++t) {
      const age = t - <i32>at(lastGap, t);
      for (let j = 0; j < nb; ++j) {
        const n = <i32>param(c, 0, b0 + j);
        const a = trimaInner(n), b = n + 1 - a;
        if (age < a) { put<O>(c, 0, t, b0 + j, NaN); continue; }
        const mean = prefixWindowSum(prefix, t, a) / <f64>a;
        setSlot(sum, j, age == a ? mean : slot(sum, j) + mean);
        if (age < n) { put<O>(c, 0, t, b0 + j, NaN); continue; }
        put<O>(c, 0, t, b0 + j, slot(sum, j) / <f64>b);
        setSlot(sum, j, slot(sum, j) - prefixWindowSum(prefix, t - b + 1, a) / <f64>a);
      }
    }
  }
  return OK;
}

export function kamaScratch(T: i32): f64 { return 3.0 * T + 1.0; }

const KAMA_SLOW: f64 = 2.0 / (30.0 + 1.0);
const KAMA_DIFF: f64 = 2.0 / (2.0 + 1.0) - KAMA_SLOW;

@inline function kamaConstant(change: f64, path: f64): f64 {
  const er = path <= change || nearZero(path) ? 1.0 : Math.abs(change / path);
  const sc = er * KAMA_DIFF + KAMA_SLOW;
  return sc * sc;
}

export function kama<O>(c: Call): i32 {
  if (<f64>c.scratchLen < kamaScratch(c.T)) return SCRATCH_TOO_SMALL;
  const x = input(c, 0);
  const absDiff = c.scratch;
  const prefix = absDiff + (<usize>c.T << 3);
  const lastGap = prefix + (<usize>(c.T + 1) << 3);
  for (let t = 0; t < c.T; ++t) {
    store<f64>(absDiff + (<usize>t << 3), t > 0 ? Math.abs(at(x, t) - at(x, t - 1)) : NaN);
  }
  prefixSums(absDiff, c.T, prefix, lastGap);
  const state = STATE_A;
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let t = 0; t < c.T; ++t) {
      const age = t - <i32>at(lastGap, t);
      const xt = at(x, t);
      for (let j = 0; j < nb; ++j) {
        const n = <i32>param(c, 0, b0 + j);
        if (age < n) { put<O>(c, 0, t, b0 + j, NaN); continue; }
        if (age == n) setSlot(state, j, at(x, t - 1));
        const sc = kamaConstant(xt - at(x, t - n), prefixWindowSum(prefix, t, n));
        const k = emaStep(slot(state, j), xt, sc);
        setSlot(state, j, k);
        put<O>(c, 0, t, b0 + j, k);
      }
    }
  }
  return OK;
}

// Hull: three running WMAs per variant (half, full, hull) whose sums sit in
// scratch after the ring of the last HULL_RING differences (one row of the
// block per bar, as in native/ma.h).
const HULL_RING: i32 = 32;

export function hmaScratch(T: i32): f64 { return <f64>(BLOCK * (HULL_RING + 6)); }

@inline function hullSpan(n: f64): i32 { return <i32>Math.sqrt(n); }
@inline function hullSlot(ring: usize, t: i32, j: i32): usize { return ring + (<usize>((t & (HULL_RING - 1)) * BLOCK + j) << 3); }

export function hma<O>(c: Call): i32 {
  if (<f64>c.scratchLen < hmaScratch(c.T)) return SCRATCH_TOO_SMALL;
  for (let v = c.v0; v < c.v1; ++v) {
    const w = param(c, 0, v);
    if (!(w >= 1.0 && w <= <f64>MAX_WINDOW)) return BAD_PARAM;
  }
  const x = input(c, 0);
  const ring = c.scratch;
  const sums = c.scratch + (<usize>(HULL_RING * BLOCK) << 3);  // 6 areas of BLOCK: sum and sub of half, full, hull
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 1, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 1, t);
      clearLanes(sums, 6 * BLOCK);
      for (t = s; t < e; ++t) {
        const age = t - s;
        const xt = at(x, t);
        for (let j = 0; j < nb; ++j) {
          const w = param(c, 0, b0 + j);
          const n = <i32>w, h = n / 2, m = hullSpan(w);
          const half = wmaFeed(lane(sums, j), lane(sums, BLOCK + j), xt, at(x, t - min(age, h)), age, h);
          const full = wmaFeed(lane(sums, 2 * BLOCK + j), lane(sums, 3 * BLOCK + j), xt, at(x, t - min(age, n)), age, n);
          if (age + 1 < n) { put<O>(c, 0, t, b0 + j, NaN); continue; }
          const i = age + 1 - n;
          const diff = 2.0 * half - full;
          const back = load<f64>(hullSlot(ring, t - min(i, m), j));
          store<f64>(hullSlot(ring, t, j), diff);
          put<O>(c, 0, t, b0 + j, wmaFeed(lane(sums, 4 * BLOCK + j), lane(sums, 5 * BLOCK + j), diff, back, i, m));
        }
      }
    }
  }
  return OK;
}

export function vwmaScratch(T: i32): f64 { return 4.0 * T + 2.0; }

export function vwma<O>(c: Call): i32 {
  if (<f64>c.scratchLen < vwmaScratch(c.T)) return SCRATCH_TOO_SMALL;
  const x = input(c, 0), volume = input(c, 1);
  const weighted = c.scratch;
  const prefixWeighted = weighted + (<usize>c.T << 3);
  const prefixVolume = prefixWeighted + (<usize>(c.T + 1) << 3);
  const lastGap = prefixVolume + (<usize>(c.T + 1) << 3);
  for (let t = 0; t < c.T; ++t) store<f64>(weighted + (<usize>t << 3), at(x, t) * at(volume, t));
  prefixSums(volume, c.T, prefixVolume, lastGap);
  prefixSums(weighted, c.T, prefixWeighted, lastGap);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let t = 0; t < c.T; ++t) {
      const age = <f64>t - at(lastGap, t);
      for (let j = 0; j < nb; ++j) {
        const w = param(c, 0, b0 + j);
        let v = NaN;
        if (age >= w) {
          const n = <i32>w;
          const vol = prefixWindowSum(prefixVolume, t, n);
          if (vol != 0.0) v = prefixWindowSum(prefixWeighted, t, n) / vol;
        }
        put<O>(c, 0, t, b0 + j, v);
      }
    }
  }
  return OK;
}

export const MA_TABLE = "ma.sma:1:1:1,ma.ema:1:1:1,ma.wma:1:1:1,ma.dema:1:1:1,ma.tema:1:1:1,ma.trima:1:1:1,ma.kama:1:1:1,ma.t3:1:2:1,ma.rma:1:1:1,ma.hma:1:1:1,ma.zlema:1:1:1,ma.vwma:2:1:1";

export function maScratch(k: i32, T: i32): f64 {
  switch (k) {
    case 0: return smaScratch(T);
    case 1: return emaScratch(T);
    case 2: return wmaScratch(T);
    case 3: return demaScratch(T);
    case 4: return temaScratch(T);
    case 5: return trimaScratch(T);
    case 6: return kamaScratch(T);
    case 7: return t3Scratch(T);
    case 8: return rmaScratch(T);
    case 9: return hmaScratch(T);
    case 10: return zlemaScratch(T);
    case 11: return vwmaScratch(T);
  }
  return -1.0;
}

export function maRun<O>(k: i32, c: Call): i32 {
  switch (k) {
    case 0: return sma<O>(c);
    case 1: return ema<O>(c);
    case 2: return wma<O>(c);
    case 3: return dema<O>(c);
    case 4: return tema<O>(c);
    case 5: return trima<O>(c);
    case 6: return kama<O>(c);
    case 7: return t3<O>(c);
    case 8: return rma<O>(c);
    case 9: return hma<O>(c);
    case 10: return zlema<O>(c);
    case 11: return vwma<O>(c);
  }
  return -1;
}
