// Shared helpers of the naive reference implementations. They are written for
// clarity, not speed: every window is summed afresh, every chain is a loop.

export type Params = Record<string, number>;
/** inputs in the definition's input order -> one array per output, length T. */
export type ReferenceFn = (inputs: Float64Array[], params: Params) => Float64Array[];

export function nanArray(n: number): Float64Array {
  return new Float64Array(n).fill(NaN);
}

/**
 * The NaN policy: a bar is usable when every input is a number there; each
 * maximal run of usable bars is computed as if it were the whole series, and
 * everything else is NaN. `onSegment` gets the sliced inputs and the bar the
 * slice starts at, and returns full outputs for the slice.
 */
export function bySegments(inputs: Float64Array[], nOut: number, onSegment: (seg: Float64Array[], from: number) => Float64Array[]): Float64Array[] {
  const T = inputs[0]!.length;
  const out = Array.from({ length: nOut }, () => nanArray(T));
  let t = 0;
  while (t < T) {
    if (inputs.some((col) => Number.isNaN(col[t]))) { t++; continue; }
    const s = t;
    while (t < T && inputs.every((col) => !Number.isNaN(col[t]))) t++;
    const res = onSegment(inputs.map((col) => col.slice(s, t)), s);
    res.forEach((r, k) => out[k]!.set(r, s));
  }
  return out;
}

export function mean(xs: ArrayLike<number>, from: number, n: number): number {
  let s = 0;
  for (let i = from; i < from + n; i++) s += xs[i]!;
  return s / n;
}

/**
 * Population variance (divisor n) of xs[from .. from+n): two passes over the
 * values minus the first one, so exact up to rounding and 0 on a constant window.
 */
export function populationVariance(xs: ArrayLike<number>, from: number, n: number): number {
  const d = Array.from({ length: n }, (_, i) => xs[from + i]! - xs[from]!);
  const m = mean(d, 0, n);
  return d.reduce((s, v) => s + (v - m) ** 2, 0) / n;
}

/** TA-Lib's EMA of a whole series: seeded with the mean of the first n values (k = 2/(n+1) unless given). */
export function emaSeries(x: Float64Array, n: number, k = 2 / (n + 1)): Float64Array {
  const out = nanArray(x.length);
  if (x.length < n) return out;
  let e = mean(x, 0, n);
  out[n - 1] = e;
  for (let t = n; t < x.length; t++) {
    e = (x[t]! - e) * k + e;
    out[t] = e;
  }
  return out;
}

/** TA-Lib's EMA of the part of x from bar `from` on (a series that starts late), at x's bar indexes. */
export function emaFrom(x: Float64Array, from: number, n: number, k = 2 / (n + 1)): Float64Array {
  const out = nanArray(x.length);
  if (from < x.length) out.set(emaSeries(x.subarray(from), n, k), from);
  return out;
}

/** Wilder's running average of x[1..]: seeded with the mean of x[1..n] at bar n. */
export function wilderSeries(x: Float64Array, n: number): Float64Array {
  const out = nanArray(x.length);
  if (x.length <= n) return out;
  let a = mean(x, 1, n);
  out[n] = a;
  for (let t = n + 1; t < x.length; t++) {
    a = (a * (n - 1) + x[t]!) / n;
    out[t] = a;
  }
  return out;
}

export function trueRangeSeries(high: Float64Array, low: Float64Array, close: Float64Array): Float64Array {
  const tr = nanArray(high.length);
  for (let t = 1; t < high.length; t++) {
    tr[t] = Math.max(high[t]! - low[t]!, Math.abs(high[t]! - close[t - 1]!), Math.abs(low[t]! - close[t - 1]!));
  }
  return tr;
}

/** Largest of x[t-n+1 .. t]. */
export function highest(x: ArrayLike<number>, t: number, n: number): number {
  let m = -Infinity;
  for (let i = t - n + 1; i <= t; i++) m = Math.max(m, x[i]!);
  return m;
}

/** Smallest of x[t-n+1 .. t]. */
export function lowest(x: ArrayLike<number>, t: number, n: number): number {
  let m = Infinity;
  for (let i = t - n + 1; i <= t; i++) m = Math.min(m, x[i]!);
  return m;
}

/** f(t) for every bar from `from` on, NaN before. */
export function fromBar(length: number, from: number, f: (t: number) => number): Float64Array {
  const out = nanArray(length);
  for (let t = Math.max(0, from); t < length; t++) out[t] = f(t);
  return out;
}
