// TA-Lib's TA_MA by type, from the naive references of the ma group: the
// `matype` axes (MACDEXT, ...) check against these.
import { bySegments, nanArray, type ReferenceFn } from './common.js';
import dema from './ma/dema.js';
import ema from './ma/ema.js';
import mama from './ma/mama.js';
import t3 from './ma/t3.js';
import tema from './ma/tema.js';

/**
 * SMA, WMA, TRIMA (and KAMA's path, below) as TA-Lib sums them, running sums over the series rather
 * than a fresh sum per window: on flat prices a line such as SMA − WMA is
 * rounding noise, and a KAMA of it (its efficiency ratio of that noise) only
 * agrees with the kernels when the noise is the same.
 */
function runningSma(x: Float64Array, n: number): Float64Array {
  const out = nanArray(x.length);
  let sum = 0;
  for (let t = 0; t < x.length; t++) {
    sum += x[t]!;
    if (t < n - 1) continue;
    out[t] = sum / n;
    sum -= x[t - n + 1]!;
  }
  return out;
}

/** TA-Lib's WMA: weighted sum and plain sum of the window, each slid by one bar. */
function runningWma(x: Float64Array, n: number): Float64Array {
  const out = nanArray(x.length);
  let weighted = 0, plain = 0;
  for (let t = 0; t < x.length; t++) {
    if (t < n - 1) {
      plain += x[t]!;
      weighted += x[t]! * (t + 1);
      continue;
    }
    plain += x[t]!;
    plain -= t >= n ? x[t - n]! : 0;
    weighted += x[t]! * n;
    out[t] = weighted / ((n * (n + 1)) / 2);
    weighted -= plain;
  }
  return out;
}

/** TRIMA as SMA(SMA(x, a), n + 1 − a), a = ⌈n/2⌉ for odd n, n/2 for even. */
function runningTrima(x: Float64Array, n: number): Float64Array {
  const inner = n % 2 ? (n + 1) / 2 : n / 2;
  const first = runningSma(x, inner);
  const out = nanArray(x.length);
  if (x.length >= inner) out.set(runningSma(first.subarray(inner - 1), n + 1 - inner), inner - 1);
  return out;
}

/**
 * TA-Lib's KAMA with its path length as a running sum (drop the oldest |Δx|,
 * add the newest): on the flat stretches of %K its residue, against an exact
 * 0, decides between the slowest and the fastest constant.
 */
function runningKama(x: Float64Array, n: number): Float64Array {
  const out = nanArray(x.length);
  if (x.length <= n) return out;
  const slowest = 2 / 31, diff = 2 / 3 - slowest;
  let path = 0;
  for (let t = 1; t <= n; t++) path += Math.abs(x[t - 1]! - x[t]!);
  let value = x[n - 1]!;
  for (let t = n; t < x.length; t++) {
    if (t > n) {
      path -= Math.abs(x[t - n - 1]! - x[t - n]!);
      path += Math.abs(x[t]! - x[t - 1]!);
    }
    const change = x[t]! - x[t - n]!;
    const er = path <= change || Math.abs(path) < 1e-14 ? 1 : Math.abs(change / path);
    const sc = (er * diff + slowest) ** 2;
    value = (x[t]! - value) * sc + value;
    out[t] = value;
  }
  return out;
}

const onSegments = (f: (x: Float64Array, n: number) => Float64Array): ReferenceFn => ([x], { window: n }) => bySegments([x!], 1, ([s]) => [f(s!, n!)]);
const sma = onSegments(runningSma), wma = onSegments(runningWma), trima = onSegments(runningTrima), kama = onSegments(runningKama);

/** Each TA-Lib MA type with the fixed parameters TA_MA passes (MAMA 0.5 / 0.05, T3 0.7). */
const TYPES: Record<string, { ref: ReferenceFn; params: (n: number) => Record<string, number>; lookback: (n: number) => number }> = {
  sma: { ref: sma, params: (n) => ({ window: n }), lookback: (n) => n - 1 },
  ema: { ref: ema, params: (n) => ({ window: n }), lookback: (n) => n - 1 },
  wma: { ref: wma, params: (n) => ({ window: n }), lookback: (n) => n - 1 },
  dema: { ref: dema, params: (n) => ({ window: n }), lookback: (n) => 2 * (n - 1) },
  tema: { ref: tema, params: (n) => ({ window: n }), lookback: (n) => 3 * (n - 1) },
  trima: { ref: trima, params: (n) => ({ window: n }), lookback: (n) => n - 1 },
  kama: { ref: kama, params: (n) => ({ window: n }), lookback: (n) => n },
  mama: { ref: mama, params: () => ({ fast_limit: 0.5, slow_limit: 0.05 }), lookback: () => 32 },
  t3: { ref: t3, params: (n) => ({ window: n, vfactor: 0.7 }), lookback: (n) => 6 * (n - 1) },
};

/** TA_MA_Lookback: a period of 1 copies the series, so 0. */
export function maLookback(type: string, n: number): number {
  return n <= 1 ? 0 : TYPES[type]!.lookback(n);
}

/**
 * TA_MA of type `type` over x as if x began at bar `from` (NaN before; a
 * series with NaN past `from` restarts after each gap, as the ma references do).
 */
export function movingAverage(type: string, n: number, x: Float64Array, from: number): Float64Array {
  const s = nanArray(x.length);
  s.set(x.subarray(from), from);
  if (n <= 1) return s;
  const { ref, params } = TYPES[type]!;
  return ref([s], params(n), {})[0]!;
}
