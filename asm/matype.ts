// TA-Lib's TA_MA over one valid run of an array, for `matype` axes; mirrors
// native/matype.h (see there). Arrays are f64 columns indexed by bar.
import { at, BLOCK } from "./abi";
import { phase, start, step } from "./cycle/common";
import { DENSE_WMA, t3Step, wmaWindowValues } from "./ma/common";
import { kamaConstant } from "./ma/kama";
import { alpha } from "./ma/mama";
import { averageLane, emaStep, wmaDivider, wmaNext, wmaPrime } from "./primitives";

// Codes of the `matype` choice param (MA_TYPES in src/indicators/params.ts).
export const MA_SMA = 0, MA_EMA = 1, MA_WMA = 2, MA_DEMA = 3, MA_TEMA = 4, MA_TRIMA = 5, MA_KAMA = 6, MA_MAMA = 7, MA_T3 = 8;

const MAMA_FAST: f64 = 0.5, MAMA_SLOW: f64 = 0.05, T3_VFACTOR: f64 = 0.7;
const MAMA_WARMUP: i32 = 9, MAMA_LOOKBACK: i32 = 32;

@inline function put(y: usize, t: i32, v: f64): void { store<f64>(y + (<usize>t << 3), v); }

// TA_MA_Lookback (0 for a period of 1: TA_MA copies the series through).
export function maLookback(type: i32, n: i32): i32 {
  if (n <= 1) return 0;
  if (type == MA_DEMA) return 2 * (n - 1);
  if (type == MA_TEMA) return 3 * (n - 1);
  if (type == MA_KAMA) return n;
  if (type == MA_MAMA) return MAMA_LOOKBACK;
  if (type == MA_T3) return 6 * (n - 1);
  return n - 1;
}

function sma(x: usize, from: i32, to: i32, n: i32, y: usize): void {
  const span = <f64>n;
  let sum = 0.0;
  for (let t = from; t < to; ++t) {
    sum += at(x, t);
    if (t - from < n - 1) continue;
    put(y, t, sum / span);
    sum -= at(x, t - n + 1);
  }
}

function emaChain(type: i32, x: usize, from: i32, to: i32, n: i32, y: usize): void {
  const depth = type == MA_DEMA ? 2 : type == MA_TEMA ? 3 : type == MA_T3 ? 6 : 1;
  const nd = <f64>n, k = 2.0 / (nd + 1.0);
  const a = T3_VFACTOR, a2 = a * a;
  const c1 = -(a2 * a), c2 = 3.0 * (a2 - c1), c3 = -6.0 * a2 - 3.0 * (a - c1), c4 = 1.0 + 3.0 * a - c1 + 3.0 * a2;
  for (let d = 0; d < depth; ++d) averageLane(d, 0).reset(nd);
  for (let t = from; t < to; ++t) {
    let v = at(x, t);
    let ready = true;
    for (let d = 0; d < depth && ready; ++d) {
      const s = averageLane(d, 0);
      if (s.ready()) s.value = type == MA_T3 ? t3Step(s.value, v, k) : emaStep(s.value, v, k);
      else ready = s.push(v);
      v = s.value;
    }
    if (!ready) continue;
    const e0 = averageLane(0, 0).value;
    put(y, t, type == MA_DEMA ? 2.0 * e0 - averageLane(1, 0).value
      : type == MA_TEMA ? averageLane(2, 0).value + (3.0 * e0 - 3.0 * averageLane(1, 0).value)
      : type == MA_T3 ? c1 * averageLane(5, 0).value + c2 * averageLane(4, 0).value + c3 * averageLane(3, 0).value + c4 * averageLane(2, 0).value
      : e0);
  }
}

// TA-Lib's WMA with ma.wma's bits (wma in native/matype.h): a window up to
// DENSE_WMA summed afresh at every bar for itself (wmaWindowValues), a
// longer one from running sums (wmaNext) at four slots. Callers averaging
// one series over several dense windows push one diagonal for all of them
// (denseWma, wmaScale).
const WMA_SUMS: usize = memory.data(32, 8);

export function denseWma(type: i32, n: i32): bool { return type == MA_WMA && n <= DENSE_WMA; }
export function wmaScale(n: i32): f64 { return 1.0 / wmaDivider(<f64>n); }

// The dense 'wma' lanes of a block sharing one diagonal: lane i's variant,
// and up to two windows (k = 0, 1) with their scales.
const DENSE_VARIANT: usize = memory.data(BLOCK * 4, 16);
const DENSE_N: usize = memory.data(BLOCK * 8, 16);
const DENSE_SCALE: usize = memory.data(BLOCK * 16, 16);

export function setDense(i: i32, v: i32, k: i32, n: i32): void {
  store<i32>(DENSE_VARIANT + (<usize>i << 2), v);
  store<i32>(DENSE_N + (<usize>(2 * i + k) << 2), n);
  store<f64>(DENSE_SCALE + (<usize>(2 * i + k) << 3), wmaScale(n));
}
@inline export function denseVariant(i: i32): i32 { return load<i32>(DENSE_VARIANT + (<usize>i << 2)); }
@inline export function denseWindow(i: i32, k: i32): i32 { return load<i32>(DENSE_N + (<usize>(2 * i + k) << 2)); }
// Lane i's average over window k at the bar of the diagonal row `sums`.
@inline export function denseValue(sums: usize, i: i32, k: i32): f64 {
  return load<f64>(sums + (<usize>denseWindow(i, k) << 3)) * load<f64>(DENSE_SCALE + (<usize>(2 * i + k) << 3));
}

function wma(x: usize, from: i32, to: i32, n: i32, y: usize): void {
  if (n <= DENSE_WMA) {
    if (to - from >= n) wmaWindowValues(x, from + n - 1, to, n, wmaScale(n), y);
    return;
  }
  const span = <f64>n, divider = wmaDivider(span);
  const sum = WMA_SUMS, sumErr = sum + 8, sub = sum + 16, subErr = sum + 24;
  memory.fill(WMA_SUMS, 0, 32);
  for (let t = from; t < to; ++t) {
    const i = t - from, xt = at(x, t);
    if (i + 1 < n) wmaPrime(sum, sumErr, sub, subErr, xt, <f64>(i + 1));
    else put(y, t, wmaNext(sum, sumErr, sub, subErr, xt, i >= n ? at(x, t - n) : 0.0, span, divider));
  }
}

// TA-Lib's KAMA, its path a running sum in TA-Lib's order (see native/matype.h).
function kama(x: usize, from: i32, to: i32, n: i32, y: usize): void {
  if (to - from <= n) return;
  let path = 0.0;
  for (let t = from + 1; t <= from + n; ++t) path += Math.abs(at(x, t - 1) - at(x, t));
  let value = at(x, from + n - 1);
  for (let t = from + n; t < to; ++t) {
    const xt = at(x, t);
    if (t > from + n) {
      path -= Math.abs(at(x, t - n - 1) - at(x, t - n));
      path += Math.abs(xt - at(x, t - 1));
    }
    value = emaStep(value, xt, kamaConstant(xt - at(x, t - n), path));
    put(y, t, value);
  }
}

function mama(x: usize, from: i32, to: i32, y: usize): void {
  if (to - from <= MAMA_LOOKBACK) return;
  let value = 0.0, prevPhase = 0.0;
  for (let t = start(x, from, MAMA_WARMUP); t < to; ++t) {
    step(x, t, ((t - from) & 1) == 0);
    const ph = phase(), a = alpha(prevPhase - ph, MAMA_FAST, MAMA_SLOW);
    prevPhase = ph;
    value = (a * at(x, t)) + ((1 - a) * value);
    if (t - from >= MAMA_LOOKBACK) put(y, t, value);
  }
}

// y[from, to) = TA_MA of x[from, to), period n, type `type`; work: T doubles.
export function movingAverage(type: i32, n: i32, x: usize, from: i32, to: i32, y: usize, work: usize): void {
  if (from >= to) return;
  const nanTo = min(to, from + maLookback(type, n));
  for (let t = from; t < nanTo; ++t) put(y, t, NaN);
  if (n <= 1) {
    for (let t = from; t < to; ++t) put(y, t, at(x, t));
    return;
  }
  if (type == MA_SMA) sma(x, from, to, n, y);
  else if (type == MA_WMA) wma(x, from, to, n, y);
  else if (type == MA_TRIMA) {
    const inner = n % 2 ? (n + 1) / 2 : n / 2;
    sma(x, from, to, inner, work);
    sma(work, min(to, from + inner - 1), to, n + 1 - inner, y);
  } else if (type == MA_KAMA) kama(x, from, to, n, y);
  else if (type == MA_MAMA) mama(x, from, to, y);
  else emaChain(type, x, from, to, n, y);
}

// TA_MA fed one value at a time from a stream's lane state: Lane in
// native/matype.h (see there), the state at s in the layout of the lanes of
// src/stream/steppers/matypes.ts. WMA and MAMA (n > 1) have no lane here.
@inline function ld(s: usize, i: i32): f64 { return load<f64>(s + (<usize>i << 3)); }
@inline function st(s: usize, i: i32, v: f64): void { store<f64>(s + (<usize>i << 3), v); }

export function hasLane(type: i32, n: i32): bool { return n <= 1 || (type != MA_WMA && type != MA_MAMA); }
function chainDepth(type: i32): i32 { return type == MA_DEMA ? 2 : type == MA_TEMA ? 3 : type == MA_T3 ? 6 : 1; }
function trimaInner(n: i32): i32 { return n % 2 ? (n + 1) / 2 : n / 2; }
@inline function smaSize(n: i32): i32 { return 3 + n; }

export function laneSize(type: i32, n: i32): i32 {
  if (n <= 1) return 0;
  if (type == MA_SMA) return smaSize(n);
  if (type == MA_TRIMA) return smaSize(trimaInner(n)) + smaSize(n + 1 - trimaInner(n));
  if (type == MA_KAMA) return 4 + n + 1;
  return 2 * chainDepth(type);
}

// The run's next value into the lane at s; the average, NaN over the lookback.
export function lanePush(type: i32, n: i32, s: usize, x: f64): f64 {
  if (n <= 1) return x;
  if (type == MA_SMA) return pushSma(s, n, x);
  if (type == MA_TRIMA) {
    const inner = trimaInner(n);
    const warm = ld(s, 0) < <f64>(inner - 1);
    const m = pushSma(s, inner, x);
    return warm ? NaN : pushSma(s + (<usize>smaSize(inner) << 3), n + 1 - inner, m);
  }
  if (type == MA_KAMA) return pushKama(s, n, x);
  return pushChain(type, n, s, x);
}

function pushSma(s: usize, n: i32, x: f64): f64 {
  const i = ld(s, 0);
  const pos = <i32>ld(s, 1);
  let sum = ld(s, 2) + x;
  st(s, 3 + pos, x);
  const next = pos + 1 == n ? 0 : pos + 1;
  st(s, 1, <f64>next);
  if (i < <f64>(n - 1)) {
    st(s, 0, i + 1);
    st(s, 2, sum);
    return NaN;
  }
  const y = sum / <f64>n;
  sum -= ld(s, 3 + next);
  st(s, 2, sum);
  return y;
}

function pushChain(type: i32, n: i32, s: usize, x: f64): f64 {
  const t3 = type == MA_T3;
  const nd = <f64>n, k = 2.0 / (nd + 1.0);
  const end = 2 * chainDepth(type);
  let y = x;
  for (let e = 0; e < end; e += 2) {
    if (ld(s, e + 1) >= nd) {
      y = t3 ? t3Step(ld(s, e), y, k) : emaStep(ld(s, e), y, k);
      st(s, e, y);
      continue;
    }
    const count = ld(s, e + 1) + 1, sum = ld(s, e) + y;
    st(s, e + 1, count);
    st(s, e, count < nd ? sum : sum / nd);
    if (count < nd) return NaN;
    y = ld(s, e);
  }
  const a = T3_VFACTOR, a2 = a * a;
  const c1 = -(a2 * a), c2 = 3.0 * (a2 - c1), c3 = -6.0 * a2 - 3.0 * (a - c1), c4 = 1.0 + 3.0 * a - c1 + 3.0 * a2;
  if (type == MA_DEMA) return 2.0 * ld(s, 0) - ld(s, 2);
  if (type == MA_TEMA) return ld(s, 4) + (3.0 * ld(s, 0) - 3.0 * ld(s, 2));
  if (t3) return c1 * ld(s, 10) + c2 * ld(s, 8) + c3 * ld(s, 6) + c4 * ld(s, 4);
  return y;
}

function pushKama(s: usize, n: i32, x: f64): f64 {
  const ring = s + 32;
  const i = ld(s, 0), nd = <f64>n;
  const pos = <i32>ld(s, 1);
  const next = pos == n ? 0 : pos + 1;
  const prev = ld(ring, pos == 0 ? n : pos - 1);
  let y = NaN;
  if (i >= 1 && i <= nd) st(s, 2, ld(s, 2) + Math.abs(prev - x));
  if (i >= nd) {
    let path = ld(s, 2);
    if (i > nd) {
      path -= Math.abs(ld(ring, pos) - ld(ring, next));
      path += Math.abs(x - prev);
      st(s, 2, path);
    }
    const start = i == nd ? prev : ld(s, 3);
    y = emaStep(start, x, kamaConstant(x - ld(ring, next), path));
    st(s, 3, y);
  }
  st(ring, pos, x);
  st(s, 1, <f64>next);
  st(s, 0, i > nd ? i : i + 1);
  return y;
}
