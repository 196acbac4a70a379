// Naive ports of the old engine's ids whose values ta-grid reproduces with
// options (docs/migrating-from-numba.md), step by step as the old spec
// writes them. Each returns the old id's primary output.
import { atr, div, ema, map2, rma, shift, trueRange } from './common.js';

type S = Float64Array;

export const oldEma = (x: S, n: number) => ema(x, n);
export const oldRma = (x: S, n: number) => rma(x, n);

export function oldDema(x: S, n: number): S {
  const e1 = ema(x, n), e2 = ema(e1, n);
  return map2(e1, e2, (a, b) => 2 * a - b);
}

export function oldTema(x: S, n: number): S {
  const e1 = ema(x, n), e2 = ema(e1, n), e3 = ema(e2, n);
  return Float64Array.from({ length: x.length }, (_, t) => 3 * e1[t]! - 3 * e2[t]! + e3[t]!);
}

export function oldZlema(x: S, n: number): S {
  const lagged = shift(x, Math.floor((n - 1) / 2));
  return ema(map2(x, lagged, (v, p) => v + (v - p)), n);
}

export const oldAtr = (h: S, l: S, c: S, n: number) => atr(h, l, c, n);

/** momentum.rsi: rma of gains and losses of the one-bar change; 100 where the average loss is 0, NaN for 0/0. */
export function oldRsi(x: S, n: number): S {
  const d = Float64Array.from({ length: x.length }, (_, t) => (t > 0 ? x[t]! - x[t - 1]! : NaN));
  const up = rma(d.map((v) => (Number.isNaN(v) ? NaN : Math.max(v, 0))), n);
  const dn = rma(d.map((v) => (Number.isNaN(v) ? NaN : Math.max(-v, 0))), n);
  return map2(up, dn, (g, l) => (l === 0 ? (g === 0 ? NaN : 100) : 100 - 100 / (1 + g / l)));
}

/** momentum.macd primary output: ema(fast) − ema(slow), fast and slow as given. */
export const oldMacd = (x: S, fast: number, slow: number) => map2(ema(x, fast), ema(x, slow), (f, s) => f - s);

/** momentum.ppo primary output: 100·(ema(fast) − ema(slow)) / ema(slow). */
export const oldPpo = (x: S, fast: number, slow: number) => map2(ema(x, fast), ema(x, slow), (f, s) => 100 * div(f - s, s));

/** momentum.trix primary output: 100·(e3 / e3[t−1] − 1) of the triple EMA. */
export function oldTrix(x: S, n: number): S {
  const e3 = ema(ema(ema(x, n), n), n);
  return map2(e3, shift(e3, 1), (a, p) => 100 * (div(a, p) - 1));
}

/** trend.keltner primary output `middle`: ema of (H + L + C) / 3. */
export const oldKeltnerMiddle = (h: S, l: S, c: S, n: number) => ema(Float64Array.from({ length: h.length }, (_, t) => (h[t]! + l[t]! + c[t]!) / 3), n);

/** structure.distance_to_ma_norm: (x − ema(x)) / atr. */
export function oldDistanceToMaNorm(x: S, h: S, l: S, c: S, n: number): S {
  const e = ema(x, n), a = atr(h, l, c, n);
  return Float64Array.from({ length: x.length }, (_, t) => div(x[t]! - e[t]!, a[t]!));
}

/** structure.candle_body_atr (and range, wicks): |C − O| / atr. */
export function oldCandleBodyAtr(o: S, h: S, l: S, c: S, n: number): S {
  const a = atr(h, l, c, n);
  return Float64Array.from({ length: o.length }, (_, t) => div(Math.abs(c[t]! - o[t]!), a[t]!));
}

/** structure.candle_body_pct: |C − O| / (H − L), a fraction. */
export const oldCandleBodyPct = (o: S, h: S, l: S, c: S) => Float64Array.from({ length: o.length }, (_, t) => div(Math.abs(c[t]! - o[t]!), h[t]! - l[t]!));

/**
 * trend.adx primary output: DMs (0 on bar 0 and after a gap), rma over
 * `window` of TR, +DM, −DM; DIs and DX, NaN where ATR or the DI sum is 0;
 * rma of DX over `smoothing` (a NaN DX restarts it).
 */
export function oldAdx(h: S, l: S, c: S, n: number, smoothing: number): S {
  const T = h.length;
  const plus = new Float64Array(T), minus = new Float64Array(T);
  for (let t = 1; t < T; t++) {
    const up = h[t]! - h[t - 1]!, down = l[t - 1]! - l[t]!;
    plus[t] = up > down && up > 0 ? up : 0;
    minus[t] = down > up && down > 0 ? down : 0;
  }
  const a = rma(trueRange(h, l, c), n), p = rma(plus, n), m = rma(minus, n);
  const dx = Float64Array.from({ length: T }, (_, t) => {
    if (a[t] === 0) return NaN;
    const pdi = 100 * (p[t]! / a[t]!), mdi = 100 * (m[t]! / a[t]!);
    return pdi + mdi === 0 ? NaN : 100 * (Math.abs(pdi - mdi) / (pdi + mdi));
  });
  return rma(dx, smoothing);
}

/** trend.chandelier_exit primary output `chandelier_long`: rolling_max(high, window) − mult · atr. */
export function oldChandelierLong(h: S, l: S, c: S, n: number, mult: number): S {
  const a = atr(h, l, c, n);
  return Float64Array.from({ length: h.length }, (_, t) => {
    if (t < n - 1) return NaN;
    let hh = -Infinity;
    for (let i = t - n + 1; i <= t; i++) hh = Math.max(hh, h[i]!);
    return hh - mult * a[t]!;
  });
}

/**
 * momentum.stoch_rsi primary output `stochrsi_k`: the old RSI's position in
 * its k_window range, 100·(rsi − min)/(max − min) (NaN for an empty range),
 * then its mean over `smoothing` bars; a window with a NaN is NaN.
 */
export function oldStochRsiK(x: S, rsiWindow: number, kWindow: number, smoothing: number): S {
  const rsi = oldRsi(x, rsiWindow);
  const window = (s: S, n: number, f: (w: number[]) => number) =>
    Float64Array.from({ length: s.length }, (_, t) => (t < n - 1 ? NaN : f(Array.from(s.subarray(t - n + 1, t + 1)))));
  const raw = window(rsi, kWindow, (w) => 100 * div(w[w.length - 1]! - Math.min(...w), Math.max(...w) - Math.min(...w)));
  return window(raw, smoothing, (w) => w.reduce((a, b) => a + b, 0) / smoothing);
}
