// What several volatility references share.
import { nanArray, bySegments, mean, populationVariance } from '../common.js';

/** f(from) for every full window x[from .. from+n), at the window's last bar; NaN before. */
export function rolling(x: Float64Array, n: number, f: (from: number) => number): Float64Array {
  const out = nanArray(x.length);
  for (let t = n - 1; t < x.length; t++) out[t] = f(t - n + 1);
  return out;
}

/** TA-Lib STDDEV / BBANDS: 0 when the variance is below 1e-14. */
export const taStddev = (variance: number) => (variance < 1e-14 ? 0 : Math.sqrt(variance));

/** Bollinger bands of one segment: [mid, upper, lower]. */
export function bands(x: Float64Array, n: number, mult: number): Float64Array[] {
  const mid = rolling(x, n, (i) => mean(x, i, n));
  const dev = rolling(x, n, (i) => taStddev(populationVariance(x, i, n)) * mult);
  return [mid, mid.map((m, t) => m + dev[t]!), mid.map((m, t) => m - dev[t]!)];
}

export const bandsOf = (x: Float64Array, n: number, mult: number) => bySegments([x], 3, ([s]) => bands(s!, n, mult));
