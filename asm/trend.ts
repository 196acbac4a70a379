// Trend indicators; mirrors native/trend.h.
import {
  BAD_PARAM, BLOCK, Call, OK, SCRATCH_TOO_SMALL, STATE_A, STATE_B, STATE_C, STATE_D, STATE_E,
  at, input, param, put, putNaNAll, selected, setSlot, slot,
} from "./abi";
import {
  argExtremeAt, buildArgExtremes, buildExtremes, emaStep, extremeAt, extremeLevels, extremeScratch,
  extremeWindowBack, extremeWindowLevel, maxParam, nearZero, prefixSums, prefixWindowSum, segmentEnd,
  skipGaps, sumRange, trueRanges, wilderStep, windowCapacity, windowsFit,
} from "./primitives";

// ---------------------------------------------------------------------------
// Wilder's directional system (trend.adx, trend.adxr)

function directionalMoves(high: usize, low: usize, T: i32, plusDM: usize, minusDM: usize): void {
  for (let t = 1; t < T; ++t) {
    const up = at(high, t) - at(high, t - 1), down = at(low, t - 1) - at(low, t);
    setSlot(plusDM, t, up > 0.0 && up > down ? up : 0.0);
    setSlot(minusDM, t, down > 0.0 && down > up ? down : 0.0);
  }
}

@inline function wilderSumStep(prev: f64, x: f64, n: f64): f64 {
  return prev - prev / n + x;
}

export function adxScratch(T: i32): f64 { return 3.0 * T; }
export function adxrScratch(T: i32): f64 { return 3.0 * T + <f64>BLOCK * <f64>windowCapacity(T); }

// Lanes hold the sums of TR, +DM and -DM, the DX and the ADX in STATE_A..E;
// ADXR's rings of recent ADX follow +DM, -DM and TR in scratch.
function directionalSystem<O>(c: Call, withAdxr: bool): i32 {
  const need = withAdxr ? adxrScratch(c.T) : adxScratch(c.T);
  if (<f64>c.scratchLen < need) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  const T = c.T;
  const plusDM = c.scratch;
  const minusDM = plusDM + (<usize>T << 3);
  const tr = minusDM + (<usize>T << 3);
  const history = tr + (<usize>T << 3);
  const ring = windowCapacity(T);
  directionalMoves(input(c, 0), input(c, 1), T, plusDM, minusDM);
  trueRanges(input(c, 0), input(c, 1), input(c, 2), T, tr);
  const sTR = STATE_A, sPlus = STATE_B, sMinus = STATE_C, dx = STATE_D, adx = STATE_E;
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 3, t, b0, nb)) < T) {
      const s = t, e = segmentEnd(c, 3, t);
      for (let j = 0; j < nb; ++j) {
        const n = <i32>param(c, 0, b0 + j);
        const seeded = s + n < e;
        setSlot(sTR, j, seeded ? sumRange(tr, s + 1, n - 1) : NaN);
        setSlot(sPlus, j, seeded ? sumRange(plusDM, s + 1, n - 1) : NaN);
        setSlot(sMinus, j, seeded ? sumRange(minusDM, s + 1, n - 1) : NaN);
        setSlot(dx, j, 0.0);
        setSlot(adx, j, 0.0);
      }
      for (t = s; t < e; ++t) {
        for (let j = 0; j < nb; ++j) {
          const v = b0 + j;
          const n = param(c, 0, v);
          const w = <i32>n;
          const first = s + w, adxFrom = first + w - 1;
          if (t < first) { putNaNAll<O>(c, t, v, 1); continue; }
          const str = wilderSumStep(slot(sTR, j), at(tr, t), n);
          const sp = wilderSumStep(slot(sPlus, j), at(plusDM, t), n);
          const sm = wilderSumStep(slot(sMinus, j), at(minusDM, t), n);
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
          else if (t == adxFrom) a = (a + x) / n;
          else if (defined) a = wilderStep(a, x, n);
          setSlot(adx, j, a);
          if (withAdxr) {
            const lane = history + (<usize>j * <usize>ring << 3);
            let r: f64 = NaN;
            if (t >= adxFrom) {
              if (t >= adxFrom + w - 1) r = (a + slot(lane, (t + 1) % w)) / 2.0;
              setSlot(lane, t % w, a);
            }
            put<O>(c, 0, t, v, r);
          } else {
            put<O>(c, 0, t, v, t >= adxFrom ? a : NaN);
            put<O>(c, 1, t, v, plusDI);
            put<O>(c, 2, t, v, minusDI);
            put<O>(c, 3, t, v, slot(dx, j));
          }
        }
      }
    }
  }
  return OK;
}

export function adx<O>(c: Call): i32 { return directionalSystem<O>(c, false); }
export function adxr<O>(c: Call): i32 { return directionalSystem<O>(c, true); }

// ---------------------------------------------------------------------------
// trend.aroon: lanes hold their window (laneWindow) in STATE_A, STATE_B.

export function aroonScratch(T: i32): f64 { return 2.0 * extremeScratch(T); }

export function aroon<O>(c: Call): i32 {
  if (<f64>c.scratchLen < aroonScratch(c.T)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  const T = c.T;
  const high = input(c, 0), low = input(c, 1);
  const levels = extremeLevels(min(<i32>maxParam(c, 0) + 1, windowCapacity(T)));
  const highest = c.scratch, lowest = c.scratch + (<usize>extremeScratch(T) << 3);
  buildArgExtremes(true, high, T, levels, highest);
  buildArgExtremes(false, low, T, levels, lowest);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let j = 0; j < nb; ++j) laneWindow(STATE_A, STATE_B, j, T, <i32>param(c, 0, b0 + j) + 1);
    let t = 0;
    while ((t = skipGaps<O>(c, 2, t, b0, nb)) < T) {
      const s = t, e = segmentEnd(c, 2, t);
      for (t = s; t < e; ++t) {
        for (let j = 0; j < nb; ++j) {
          const v = b0 + j;
          const n = param(c, 0, v);
          if (t - s < <i32>n) { putNaNAll<O>(c, t, v, 1); continue; }
          const offset = <usize>slot(STATE_A, j), back = <i32>slot(STATE_B, j);
          const hi = argExtremeAt(true, high, highest + offset, back, t);
          const lo = argExtremeAt(false, low, lowest + offset, back, t);
          const factor = 100.0 / n;
          put<O>(c, 0, t, v, factor * (n - <f64>(t - hi)));
          put<O>(c, 1, t, v, factor * (n - <f64>(t - lo)));
          put<O>(c, 2, t, v, factor * <f64>(hi - lo));
        }
      }
    }
  }
  return OK;
}

// ---------------------------------------------------------------------------
// trend.psar: lanes hold sar, ep, af and isLong (1 or 0) in STATE_A..D.

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

@inline function sarStart(start: f64, maxAf: f64): f64 {
  return start > maxAf ? maxAf : start;
}

// One bar of lane j in TA-Lib's order; returns the SAR reported at the bar.
function sarBar(j: i32, prevHigh: f64, prevLow: f64, high: f64, low: f64, afStart: f64, afStep: f64, afMax: f64): f64 {
  let sar = slot(STATE_A, j), ep = slot(STATE_B, j), af = slot(STATE_C, j);
  let isLong = slot(STATE_D, j) != 0.0;
  let reported: f64;
  if (isLong) {
    if (low <= sar) {
      isLong = false;
      reported = aboveBars(ep, prevHigh, high);
      af = afStart;
      ep = low;
      sar = aboveBars(reported + af * (ep - reported), prevHigh, high);
    } else {
      reported = sar;
      if (high > ep) { ep = high; af = min(af + afStep, afMax); }
      sar = belowBars(sar + af * (ep - sar), prevLow, low);
    }
  } else {
    if (high >= sar) {
      isLong = true;
      reported = belowBars(ep, prevLow, low);
      af = afStart;
      ep = high;
      sar = belowBars(reported + af * (ep - reported), prevLow, low);
    } else {
      reported = sar;
      if (low < ep) { ep = low; af = min(af + afStep, afMax); }
      sar = aboveBars(sar + af * (ep - sar), prevHigh, high);
    }
  }
  setSlot(STATE_A, j, sar);
  setSlot(STATE_B, j, ep);
  setSlot(STATE_C, j, af);
  setSlot(STATE_D, j, isLong ? 1.0 : 0.0);
  return reported;
}

export function psarScratch(T: i32): f64 { return 0.0; }

export function psar<O>(c: Call): i32 {
  const T = c.T;
  const high = input(c, 0), low = input(c, 1);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 2, t, b0, nb)) < T) {
      const s = t, e = segmentEnd(c, 2, t);
      putNaNAll<O>(c, s, b0, nb);
      t = e;
      if (e - s < 2) continue;
      const up = at(high, s + 1) - at(high, s), down = at(low, s) - at(low, s + 1);
      const startLong = !(down > 0.0 && up < down);
      for (let j = 0; j < nb; ++j) {
        const v = b0 + j;
        setSlot(STATE_A, j, startLong ? at(low, s) : at(high, s));
        setSlot(STATE_B, j, startLong ? at(high, s + 1) : at(low, s + 1));
        setSlot(STATE_C, j, sarStart(param(c, 0, v), param(c, 2, v)));
        setSlot(STATE_D, j, startLong ? 1.0 : 0.0);
      }
      for (let u = s + 1; u < e; ++u) {
        const p = u > s + 1 ? u - 1 : u;  // TA-Lib's first bar is its own previous bar
        const prevHigh = at(high, p), prevLow = at(low, p), h = at(high, u), l = at(low, u);
        for (let j = 0; j < nb; ++j) {
          const v = b0 + j;
          const maxAf = param(c, 2, v);
          put<O>(c, 0, u, v, sarBar(j, prevHigh, prevLow, h, l, sarStart(param(c, 0, v), maxAf), param(c, 1, v), maxAf));
          put<O>(c, 1, u, v, slot(STATE_D, j) != 0.0 ? 1.0 : -1.0);
        }
      }
    }
  }
  return OK;
}

// ---------------------------------------------------------------------------
// trend.linreg: lanes hold sum y, sum age * y, the next bar summed afresh, and
// TA-Lib's constants sum x and divisor, in STATE_A..E.

export function linregScratch(T: i32): f64 { return 0.0; }

// TA-Lib's sums over the window ending at t, oldest bar first, into lane j.
function regressionSums(y: usize, t: i32, n: i32, j: i32): void {
  let sumY = 0.0, sumXY = 0.0;
  for (let age = n - 1; age >= 0; --age) {
    sumY += at(y, t - age);
    sumXY += <f64>age * at(y, t - age);
  }
  setSlot(STATE_A, j, sumY);
  setSlot(STATE_B, j, sumXY);
}

export function linreg<O>(c: Call): i32 {
  const degrees = 180.0 / 3.14159265358979323846;
  const y = input(c, 0);
  const angle = selected(c, 3);  // atan is the costliest step: skip it when not asked for
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 1, t, b0, nb)) < c.T) {
      const s = t, e = segmentEnd(c, 1, t);
      for (let j = 0; j < nb; ++j) {
        const w = <i64>param(c, 0, b0 + j);
        const sumX = <f64>(w * (w - 1)) * 0.5;
        setSlot(STATE_D, j, sumX);
        setSlot(STATE_E, j, sumX * sumX - param(c, 0, b0 + j) * <f64>(w * (w - 1) * (2 * w - 1) / 6));
        setSlot(STATE_C, j, <f64>(s + <i32>w - 1));
      }
      for (t = s; t < e; ++t) {
        for (let j = 0; j < nb; ++j) {
          const v = b0 + j;
          const n = param(c, 0, v);
          const w = <i32>n;
          if (t < s + w - 1) { putNaNAll<O>(c, t, v, 1); continue; }
          if (<f64>t == slot(STATE_C, j)) {
            regressionSums(y, t, w, j);
            setSlot(STATE_C, j, <f64>(t + w));
          } else {
            const oldest = at(y, t - w);  // every other bar ages by one, the oldest leaves
            const sumY = slot(STATE_A, j);
            setSlot(STATE_B, j, slot(STATE_B, j) + sumY - n * oldest);
            setSlot(STATE_A, j, sumY - oldest + at(y, t));
          }
          const sumY = slot(STATE_A, j), sumXY = slot(STATE_B, j), sumX = slot(STATE_D, j);
          const m = (n * sumXY - sumX * sumY) / slot(STATE_E, j);
          const b = (sumY - m * sumX) / n;
          put<O>(c, 0, t, v, b + m * (n - 1.0));
          put<O>(c, 1, t, v, m);
          put<O>(c, 2, t, v, b);
          if (angle) put<O>(c, 3, t, v, Math.atan(m) * degrees);
        }
      }
    }
  }
  return OK;
}

// ---------------------------------------------------------------------------
// Price channels: highest-high levels at `highs`, lowest-low levels after them.

function channelScratch(T: i32): f64 { return 2.0 * extremeScratch(T); }

// Builds both tables; returns where the lowest-low levels start.
function buildChannel(high: usize, low: usize, T: i32, maxWindow: f64, highs: usize): usize {
  const n = extremeLevels(min(<i32>maxWindow, windowCapacity(T)));
  const lows = highs + (<usize>extremeScratch(T) << 3);
  buildExtremes(true, high, T, n, highs);
  buildExtremes(false, low, T, n, lows);
  return lows;
}

// For a lane that reads window w at every bar (RollingExtreme::window): the
// byte offset of the level serving w, the same in every table over T bars,
// into `offsets`, and how far back its second span ends into `backs`.
function laneWindow(offsets: usize, backs: usize, j: i32, T: i32, w: i32): void {
  setSlot(offsets, j, <f64>extremeWindowLevel(0, T, w));
  setSlot(backs, j, <f64>extremeWindowBack(w));
}

// The channel midpoint of lane j's window at bar t.
@inline function laneMid(highs: usize, lows: usize, offsets: usize, backs: usize, j: i32, t: i32): f64 {
  const offset = <usize>slot(offsets, j), back = <i32>slot(backs, j);
  return (extremeAt(true, highs + offset, back, t) + extremeAt(false, lows + offset, back, t)) / 2.0;
}

// trend.donchian: lanes hold their window (laneWindow) in STATE_A, STATE_B.

export function donchianScratch(T: i32): f64 { return channelScratch(T); }

export function donchian<O>(c: Call): i32 {
  if (<f64>c.scratchLen < donchianScratch(c.T)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  const T = c.T;
  const highs = c.scratch;
  const lows = buildChannel(input(c, 0), input(c, 1), T, maxParam(c, 0), highs);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let j = 0; j < nb; ++j) laneWindow(STATE_A, STATE_B, j, T, <i32>param(c, 0, b0 + j));
    let t = 0;
    while ((t = skipGaps<O>(c, 2, t, b0, nb)) < T) {
      const s = t, e = segmentEnd(c, 2, t);
      for (t = s; t < e; ++t) {
        for (let j = 0; j < nb; ++j) {
          const v = b0 + j;
          const w = <i32>param(c, 0, v);
          if (t - s < w - 1) { putNaNAll<O>(c, t, v, 1); continue; }
          const offset = <usize>slot(STATE_A, j), back = <i32>slot(STATE_B, j);
          const upper = extremeAt(true, highs + offset, back, t), lower = extremeAt(false, lows + offset, back, t);
          put<O>(c, 0, t, v, upper);
          put<O>(c, 1, t, v, lower);
          put<O>(c, 2, t, v, (upper + lower) / 2.0);
        }
      }
    }
  }
  return OK;
}

// ---------------------------------------------------------------------------
// ATR-banded indicators

// Advances the ATR of lane j in `area` (segment from s) to bar t >= s + n.
@inline function atrAdvance(area: usize, j: i32, tr: usize, s: i32, t: i32, n: f64): f64 {
  const w = <i32>n;
  const a = t == s + w ? sumRange(tr, s + 1, w) / n : wilderStep(slot(area, j), at(tr, t), n);
  setSlot(area, j, a);
  return a;
}

// trend.keltner: lanes hold the middle EMA (STATE_A) and the ATR (STATE_B).

export function keltnerScratch(T: i32): f64 { return 2.0 * T; }

export function keltner<O>(c: Call): i32 {
  if (<f64>c.scratchLen < keltnerScratch(c.T)) return SCRATCH_TOO_SMALL;
  const T = c.T;
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const typical = c.scratch, tr = c.scratch + (<usize>T << 3);
  for (let t = 0; t < T; ++t) setSlot(typical, t, (at(high, t) + at(low, t) + at(close, t)) / 3.0);
  trueRanges(high, low, close, T, tr);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 3, t, b0, nb)) < T) {
      const s = t, e = segmentEnd(c, 3, t);
      for (t = s; t < e; ++t) {
        for (let j = 0; j < nb; ++j) {
          const v = b0 + j;
          const n = param(c, 0, v);
          const w = <i32>n;
          if (t < s + w - 1) { putNaNAll<O>(c, t, v, 1); continue; }
          const middle = t == s + w - 1 ? sumRange(typical, s, w) / n : emaStep(slot(STATE_A, j), at(typical, t), 2.0 / (n + 1.0));
          setSlot(STATE_A, j, middle);
          put<O>(c, 0, t, v, middle);
          if (t < s + w) { put<O>(c, 1, t, v, NaN); put<O>(c, 2, t, v, NaN); continue; }
          const atr = atrAdvance(STATE_B, j, tr, s, t, n);
          const mult = param(c, 1, v);
          put<O>(c, 1, t, v, middle + mult * atr);
          put<O>(c, 2, t, v, middle - mult * atr);
        }
      }
    }
  }
  return OK;
}

// trend.supertrend: lanes hold ATR, upper and lower band, and up (1 or 0) in STATE_A..D.

export function supertrendScratch(T: i32): f64 { return <f64>T; }

export function supertrend<O>(c: Call): i32 {
  if (<f64>c.scratchLen < supertrendScratch(c.T)) return SCRATCH_TOO_SMALL;
  const T = c.T;
  const high = input(c, 0), low = input(c, 1), close = input(c, 2);
  const tr = c.scratch;
  trueRanges(high, low, close, T, tr);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 3, t, b0, nb)) < T) {
      const s = t, e = segmentEnd(c, 3, t);
      for (t = s; t < e; ++t) {
        const mid = (at(high, t) + at(low, t)) / 2.0;
        for (let j = 0; j < nb; ++j) {
          const v = b0 + j;
          const n = param(c, 0, v);
          const first = s + <i32>n;
          if (t < first) { putNaNAll<O>(c, t, v, 1); continue; }
          const atr = atrAdvance(STATE_A, j, tr, s, t, n);
          const mult = param(c, 1, v);
          const basicUpper = mid + mult * atr, basicLower = mid - mult * atr;
          let upper = basicUpper, lower = basicLower, up = false;
          if (t > first) {
            const prevClose = at(close, t - 1);
            upper = slot(STATE_B, j);
            lower = slot(STATE_C, j);
            if (basicLower > lower || prevClose < lower) lower = basicLower;
            if (basicUpper < upper || prevClose > upper) upper = basicUpper;
            up = slot(STATE_D, j) != 0.0 ? !(at(close, t) < lower) : at(close, t) > upper;
          }
          setSlot(STATE_B, j, upper);
          setSlot(STATE_C, j, lower);
          setSlot(STATE_D, j, up ? 1.0 : 0.0);
          put<O>(c, 0, t, v, up ? lower : upper);
          put<O>(c, 1, t, v, up ? 1.0 : -1.0);
        }
      }
    }
  }
  return OK;
}

// trend.chandelier_exit: lanes hold the ATR (STATE_A) and their channel window
// (STATE_B, STATE_C); scratch: true range, then the channel.

export function chandelierExitScratch(T: i32): f64 { return <f64>T + channelScratch(T); }

export function chandelierExit<O>(c: Call): i32 {
  if (<f64>c.scratchLen < chandelierExitScratch(c.T)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0)) return BAD_PARAM;
  const T = c.T;
  const tr = c.scratch, highs = c.scratch + (<usize>T << 3);
  trueRanges(input(c, 0), input(c, 1), input(c, 2), T, tr);
  const lows = buildChannel(input(c, 0), input(c, 1), T, maxParam(c, 0), highs);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let j = 0; j < nb; ++j) laneWindow(STATE_B, STATE_C, j, T, <i32>param(c, 0, b0 + j));
    let t = 0;
    while ((t = skipGaps<O>(c, 3, t, b0, nb)) < T) {
      const s = t, e = segmentEnd(c, 3, t);
      for (t = s; t < e; ++t) {
        for (let j = 0; j < nb; ++j) {
          const v = b0 + j;
          const n = param(c, 0, v);
          const w = <i32>n;
          if (t < s + w) { putNaNAll<O>(c, t, v, 1); continue; }
          const band = param(c, 1, v) * atrAdvance(STATE_A, j, tr, s, t, n);
          const offset = <usize>slot(STATE_B, j), back = <i32>slot(STATE_C, j);
          put<O>(c, 0, t, v, extremeAt(true, highs + offset, back, t) - band);
          put<O>(c, 1, t, v, extremeAt(false, lows + offset, back, t) + band);
        }
      }
    }
  }
  return OK;
}

// ---------------------------------------------------------------------------
// trend.ichimoku: scratch holds the channel, then the lane windows of the
// conversion, base and span_b windows (an offset and a back area each).

export function ichimokuScratch(T: i32): f64 { return channelScratch(T) + 6.0 * BLOCK; }

export function ichimoku<O>(c: Call): i32 {
  if (<f64>c.scratchLen < ichimokuScratch(c.T)) return SCRATCH_TOO_SMALL;
  if (!windowsFit(c, 0) || !windowsFit(c, 1) || !windowsFit(c, 2)) return BAD_PARAM;
  const T = c.T;
  const close = input(c, 2);
  const highs = c.scratch;
  const lows = buildChannel(input(c, 0), input(c, 1), T, max(maxParam(c, 0), max(maxParam(c, 1), maxParam(c, 2))), highs);
  const lanes = highs + (<usize>channelScratch(T) << 3), area = <usize>BLOCK << 3;
  const convOffsets = lanes, convBacks = lanes + area, baseOffsets = lanes + 2 * area;
  const baseBacks = lanes + 3 * area, spanOffsets = lanes + 4 * area, spanBacks = lanes + 5 * area;
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    for (let j = 0; j < nb; ++j) {
      laneWindow(convOffsets, convBacks, j, T, <i32>param(c, 0, b0 + j));
      laneWindow(baseOffsets, baseBacks, j, T, <i32>param(c, 1, b0 + j));
      laneWindow(spanOffsets, spanBacks, j, T, <i32>param(c, 2, b0 + j));
    }
    let t = 0;
    while ((t = skipGaps<O>(c, 3, t, b0, nb)) < T) {
      const s = t, e = segmentEnd(c, 3, t);
      for (t = s; t < e; ++t) {
        for (let j = 0; j < nb; ++j) {
          const v = b0 + j;
          const wc = <i32>param(c, 0, v), wb = <i32>param(c, 1, v);
          const ws = <i32>param(c, 2, v), d = <i32>param(c, 3, v);
          const u = t - d;  // the bar the spans at t were computed on
          put<O>(c, 0, t, v, t - s >= wc - 1 ? laneMid(highs, lows, convOffsets, convBacks, j, t) : NaN);
          put<O>(c, 1, t, v, t - s >= wb - 1 ? laneMid(highs, lows, baseOffsets, baseBacks, j, t) : NaN);
          const spanA = u - s >= max(wc, wb) - 1
            ? (laneMid(highs, lows, convOffsets, convBacks, j, u) + laneMid(highs, lows, baseOffsets, baseBacks, j, u)) / 2.0
            : NaN;
          put<O>(c, 2, t, v, spanA);
          put<O>(c, 3, t, v, u - s >= ws - 1 ? laneMid(highs, lows, spanOffsets, spanBacks, j, u) : NaN);
          put<O>(c, 4, t, v, t + d < e ? at(close, t + d) : NaN);
        }
      }
    }
  }
  return OK;
}

// ---------------------------------------------------------------------------
// trend.vortex: plus, minus, tr (T each), their prefix sums (T + 1 each), gaps (T).

export function vortexScratch(T: i32): f64 { return 7.0 * T + 3.0; }

export function vortex<O>(c: Call): i32 {
  if (<f64>c.scratchLen < vortexScratch(c.T)) return SCRATCH_TOO_SMALL;
  const T = c.T;
  const high = input(c, 0), low = input(c, 1);
  const series = <usize>T << 3, sums = <usize>(T + 1) << 3;
  const plus = c.scratch, minus = plus + series, tr = minus + series;
  const sumPlus = tr + series, sumMinus = sumPlus + sums, sumTR = sumMinus + sums, lastGap = sumTR + sums;
  if (T > 0) { setSlot(plus, 0, NaN); setSlot(minus, 0, NaN); setSlot(tr, 0, NaN); }
  for (let t = 1; t < T; ++t) {
    setSlot(plus, t, Math.abs(at(high, t) - at(low, t - 1)));
    setSlot(minus, t, Math.abs(at(low, t) - at(high, t - 1)));
  }
  trueRanges(high, low, input(c, 2), T, tr);
  prefixSums(plus, T, sumPlus, lastGap);
  prefixSums(minus, T, sumMinus, lastGap);
  prefixSums(tr, T, sumTR, lastGap);
  for (let b0 = c.v0; b0 < c.v1; b0 += BLOCK) {
    const nb = min(BLOCK, c.v1 - b0);
    let t = 0;
    while ((t = skipGaps<O>(c, 3, t, b0, nb)) < T) {
      const s = t, e = segmentEnd(c, 3, t);
      for (t = s; t < e; ++t) {
        for (let j = 0; j < nb; ++j) {
          const v = b0 + j;
          const w = <i32>param(c, 0, v);
          if (t < s + w) { putNaNAll<O>(c, t, v, 1); continue; }
          const range = prefixWindowSum(sumTR, t, w);
          put<O>(c, 0, t, v, range == 0.0 ? NaN : prefixWindowSum(sumPlus, t, w) / range);
          put<O>(c, 1, t, v, range == 0.0 ? NaN : prefixWindowSum(sumMinus, t, w) / range);
        }
      }
    }
  }
  return OK;
}

export const TREND_TABLE = "trend.adx:3:1:4,trend.adxr:3:1:1,trend.aroon:2:1:3,trend.psar:2:3:2,trend.linreg:1:1:4,trend.donchian:2:1:3,trend.keltner:3:2:3,trend.supertrend:3:2:2,trend.chandelier_exit:3:2:2,trend.ichimoku:3:4:5,trend.vortex:3:1:2";

export function trendScratch(k: i32, T: i32): f64 {
  switch (k) {
    case 0: return adxScratch(T);
    case 1: return adxrScratch(T);
    case 2: return aroonScratch(T);
    case 3: return psarScratch(T);
    case 4: return linregScratch(T);
    case 5: return donchianScratch(T);
    case 6: return keltnerScratch(T);
    case 7: return supertrendScratch(T);
    case 8: return chandelierExitScratch(T);
    case 9: return ichimokuScratch(T);
    case 10: return vortexScratch(T);
  }
  return -1.0;
}

export function trendRun<O>(k: i32, c: Call): i32 {
  switch (k) {
    case 0: return adx<O>(c);
    case 1: return adxr<O>(c);
    case 2: return aroon<O>(c);
    case 3: return psar<O>(c);
    case 4: return linreg<O>(c);
    case 5: return donchian<O>(c);
    case 6: return keltner<O>(c);
    case 7: return supertrend<O>(c);
    case 8: return chandelierExit<O>(c);
    case 9: return ichimoku<O>(c);
    case 10: return vortex<O>(c);
  }
  return -1;
}
