// The old Numba engine's building blocks, written fresh from its published
// formula spec (docs/architecture/indicators/indicators_formula.yaml of
// Dejetins/roehub.com) for the migration check. Where the spec's `init:
// "sma"` and the kernels disagree, the kernels' documented behaviour is
// ported: their EMA and RMA start from the first valid value ("First valid
// source value is used as seed after each reset") with no warm-up NaN. A NaN
// input resets a chain, which starts again from the next value.

/** ewm(alpha, adjust=False) with the old operation order alpha·x + (1 − alpha)·y, reset by NaN. */
export function ewma(x: ArrayLike<number>, alpha: number): Float64Array {
  const out = new Float64Array(x.length);
  let y = NaN;
  for (let t = 0; t < x.length; t++) {
    const v = x[t]!;
    if (Number.isNaN(v)) { y = NaN; out[t] = NaN; continue; }
    y = Number.isNaN(y) ? v : alpha * v + (1 - alpha) * y;
    out[t] = y;
  }
  return out;
}

/** op ema: alpha = 2/(window + 1). */
export const ema = (x: ArrayLike<number>, n: number) => ewma(x, 2 / (n + 1));

/** op rma: alpha = 1/window. */
export const rma = (x: ArrayLike<number>, n: number) => ewma(x, 1 / n);

/** op shift: x[t − k], NaN for the first k bars. */
export function shift(x: ArrayLike<number>, k: number): Float64Array {
  return Float64Array.from({ length: x.length }, (_, t) => (t >= k ? x[t - k]! : NaN));
}

/** volatility.tr: max(H − L, |H − C[t−1]|, |L − C[t−1]|), H − L where there is no previous close. */
export function trueRange(h: ArrayLike<number>, l: ArrayLike<number>, c: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: h.length }, (_, t) => {
    const hl = h[t]! - l[t]!;
    const pc = t > 0 ? c[t - 1]! : NaN;
    return Number.isNaN(pc) ? hl : Math.max(hl, Math.abs(h[t]! - pc), Math.abs(l[t]! - pc));
  });
}

/** volatility.atr: rma of the true range. */
export const atr = (h: ArrayLike<number>, l: ArrayLike<number>, c: ArrayLike<number>, n: number) => rma(trueRange(h, l, c), n);

export const map2 = (a: ArrayLike<number>, b: ArrayLike<number>, f: (x: number, y: number) => number) =>
  Float64Array.from({ length: a.length }, (_, t) => f(a[t]!, b[t]!));

/** op div: a / b, NaN where b is 0 (the old engine's zero-denominator rule). */
export const div = (a: number, b: number) => (b === 0 ? NaN : a / b);
