// Shared helpers of the naive reference implementations. They are written for
// clarity, not speed: every window is summed afresh, every chain is a loop.

export type Params = Record<string, number>;
/** Values of choice params (string axes such as `seed`), by name. */
export type Choices = Record<string, string>;
/** inputs in the definition's input order -> one array per output, length T. */
export type ReferenceFn = (inputs: Float64Array[], params: Params, choices: Choices) => Float64Array[];

/** A variant's params as a reference takes them: numbers, and choices by name (the source is an input, neither). */
export function referenceArgs(variant: Readonly<Record<string, unknown>>): [Params, Choices] {
  const params: Params = {}, choices: Choices = {};
  for (const [k, v] of Object.entries(variant)) {
    if (typeof v === 'number') params[k] = v;
    else if (k !== 'source') choices[k] = String(v);
  }
  return [params, choices];
}

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

/**
 * pandas `x.ewm(alpha=alpha, adjust=False).mean()` of the part of x from bar
 * `from` on, NaN before: y[from] = x[from], y[t] = (1 − alpha)·y[t−1] +
 * alpha·x[t]. With alpha = 2/(n+1) it is TradingView's ta.ema; with 1/n,
 * pandas' form of Wilder's smoothing. The `seed: 'first'` convention. The
 * step is written y + alpha·(x − y), the same value, so that a flat series
 * stays exactly flat (ratios over it, such as distance / ATR, are
 * ill-conditioned).
 */
export function ewmFirst(x: Float64Array, alpha: number, from = 0): Float64Array {
  const out = nanArray(x.length);
  if (from >= x.length) return out;
  let y = x[from]!;
  out[from] = y;
  for (let t = from + 1; t < x.length; t++) out[t] = y = y + alpha * (x[t]! - y);
  return out;
}

/** An EMA (k = 2/(n+1)) of x from bar `from` on, seeded as the `seed` axis says ('sma': TA-Lib's; 'first': ewmFirst). */
export function emaSeeded(x: Float64Array, n: number, from: number, seed: string | undefined): Float64Array {
  return seed === 'first' ? ewmFirst(x, 2 / (n + 1), from) : emaFrom(x, from, n);
}

/** Wilder's running average of x[1..]: seeded with the mean of x[1..m] at bar m (m = n: TA-Lib's; m = 1: the first value, in TA-Lib's operation order). */
export function wilderSeries(x: Float64Array, n: number, m = n): Float64Array {
  const out = nanArray(x.length);
  if (x.length <= m) return out;
  let a = mean(x, 1, m);
  out[m] = a;
  for (let t = m + 1; t < x.length; t++) {
    a = (a * (n - 1) + x[t]!) / n;
    out[t] = a;
  }
  return out;
}

/** Wilder's average of x[1..] seeded as the `seed` axis says: wilderSeries for 'sma', pandas ewm(alpha=1/n, adjust=False) from bar 1 for 'first'. */
export function wilderSeeded(x: Float64Array, n: number, seed: string | undefined): Float64Array {
  return seed === 'first' ? ewmFirst(x, 1 / n, 1) : wilderSeries(x, n);
}

/** TradingView's ta.tr(true): the true range, and high − low on the first bar (no previous close). */
export function trueRangeFirstBar(high: Float64Array, low: Float64Array, close: Float64Array): Float64Array {
  const tr = trueRangeSeries(high, low, close);
  if (tr.length) tr[0] = high[0]! - low[0]!;
  return tr;
}

/** ATR seeded as the `seed` axis says: TA-Lib's, or TradingView's ta.atr (ta.rma of ta.tr(true)) as pandas writes it. */
export function atrSeeded(high: Float64Array, low: Float64Array, close: Float64Array, n: number, seed: string | undefined): Float64Array {
  return seed === 'first' ? ewmFirst(trueRangeFirstBar(high, low, close), 1 / n, 0) : wilderSeries(trueRangeSeries(high, low, close), n);
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
