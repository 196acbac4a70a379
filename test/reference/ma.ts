import { bySegments, emaFrom, emaSeries, mean, nanArray, type ReferenceFn } from './common.js';

/** Mean of every window of n values of x, for series defined from bar `from` on. */
function smaFrom(x: Float64Array, from: number, n: number): Float64Array {
  const out = nanArray(x.length);
  for (let t = from + n - 1; t < x.length; t++) out[t] = mean(x, t - n + 1, n);
  return out;
}

/** Weights 1..n, newest heaviest, for series defined from bar `from` on. */
function wmaFrom(x: Float64Array, from: number, n: number): Float64Array {
  const out = nanArray(x.length);
  for (let t = from + n - 1; t < x.length; t++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += (i + 1) * x[t - n + 1 + i]!;
    out[t] = s / ((n * (n + 1)) / 2);
  }
  return out;
}

/** TA-Lib T3's EMA stage: seeded with the mean of the first n values from `from`, then k·x + (1 − k)·e. */
function t3Stage(x: Float64Array, from: number, n: number): Float64Array {
  const out = nanArray(x.length);
  if (from + n > x.length) return out;
  const k = 2 / (n + 1);
  let e = mean(x, from, n);
  out[from + n - 1] = e;
  for (let t = from + n; t < x.length; t++) {
    e = k * x[t]! + (1 - k) * e;
    out[t] = e;
  }
  return out;
}

type Single = (s: Float64Array, p: Record<string, number>) => Float64Array;
const onSource = (f: Single): ReferenceFn => ([x], p) => bySegments([x!], 1, ([s]) => [f(s!, p)]);

export const ma: Record<string, ReferenceFn> = {
  'ma.sma': onSource((s, { window: n }) => smaFrom(s, 0, n!)),
  'ma.ema': onSource((s, { window: n }) => emaSeries(s, n!)),
  'ma.wma': onSource((s, { window: n }) => wmaFrom(s, 0, n!)),
  'ma.dema': onSource((s, { window: n }) => {
    const e1 = emaSeries(s, n!), e2 = emaFrom(e1, n! - 1, n!);
    return e1.map((v, t) => 2 * v - e2[t]!);
  }),
  'ma.tema': onSource((s, { window: n }) => {
    const e1 = emaSeries(s, n!), e2 = emaFrom(e1, n! - 1, n!), e3 = emaFrom(e2, 2 * (n! - 1), n!);
    return e1.map((v, t) => e3[t]! + (3 * v - 3 * e2[t]!));
  }),
  'ma.trima': onSource((s, { window: n }) => {
    const a = n! % 2 ? (n! + 1) / 2 : n! / 2;
    return smaFrom(smaFrom(s, 0, a), a - 1, n! + 1 - a);
  }),
  'ma.kama': onSource((s, { window: n }) => {
    const out = nanArray(s.length);
    let k = s[n! - 1]!;
    for (let t = n!; t < s.length; t++) {
      let path = 0;
      for (let i = t - n! + 1; i <= t; i++) path += Math.abs(s[i]! - s[i - 1]!);
      const change = s[t]! - s[t - n!]!;
      const er = path <= change || Math.abs(path) < 1e-14 ? 1 : Math.abs(change / path);
      const sc = (er * (2 / 3 - 2 / 31) + 2 / 31) ** 2;
      k = (s[t]! - k) * sc + k;
      out[t] = k;
    }
    return out;
  }),
  'ma.t3': onSource((s, { window: n, vfactor: a }) => {
    const e: Float64Array[] = [];
    for (let i = 0; i < 6; i++) e.push(t3Stage(i === 0 ? s : e[i - 1]!, i * (n! - 1), n!));
    const c1 = -(a! ** 3), c2 = 3 * a! ** 2 + 3 * a! ** 3, c3 = -6 * a! ** 2 - 3 * a! - 3 * a! ** 3, c4 = 1 + 3 * a! + a! ** 3 + 3 * a! ** 2;
    return s.map((_, t) => c1 * e[5]![t]! + c2 * e[4]![t]! + c3 * e[3]![t]! + c4 * e[2]![t]!);
  }),
  'ma.rma': onSource((s, { window: n }) => {
    const out = nanArray(s.length);
    if (s.length < n!) return out;
    let r = mean(s, 0, n!);
    out[n! - 1] = r;
    for (let t = n!; t < s.length; t++) out[t] = r = (r * (n! - 1) + s[t]!) / n!;
    return out;
  }),
  'ma.hma': onSource((s, { window: n }) => {
    const half = wmaFrom(s, 0, Math.floor(n! / 2)), full = wmaFrom(s, 0, n!);
    const diff = half.map((h, t) => 2 * h - full[t]!);
    return wmaFrom(diff, n! - 1, Math.floor(Math.sqrt(n!)));
  }),
  'ma.zlema': onSource((s, { window: n }) => {
    const lag = Math.floor((n! - 1) / 2);
    const y = s.map((v, t) => (t >= lag ? v + (v - s[t - lag]!) : NaN));
    return emaFrom(y, lag, n!);
  }),
  'ma.vwma': ([x, v], { window: n }) =>
    bySegments([x!, v!], 1, ([sx, sv]) => {
      const out = nanArray(sx!.length);
      for (let t = n! - 1; t < sx!.length; t++) {
        let pv = 0, vol = 0;
        for (let i = t - n! + 1; i <= t; i++) { pv += sx![i]! * sv![i]!; vol += sv![i]!; }
        out[t] = vol === 0 ? NaN : pv / vol;
      }
      return [out];
    }),
};
