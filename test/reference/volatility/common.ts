// What several volatility references share.
import { nanArray, bySegments, mean, populationVariance } from '../common.js';
import { maLookback, movingAverage } from '../matype.js';

/** f(from) for every full window x[from .. from+n), at the window's last bar; NaN before. */
export function rolling(x: Float64Array, n: number, f: (from: number) => number): Float64Array {
  const out = nanArray(x.length);
  for (let t = n - 1; t < x.length; t++) out[t] = f(t - n + 1);
  return out;
}

/** TA-Lib STDDEV / BBANDS: 0 when the variance is below 1e-14. */
export const taStddev = (variance: number) => (variance < 1e-14 ? 0 : Math.sqrt(variance));

/**
 * Bollinger bands of one segment: [mid, upper, lower]. The middle band is the
 * window's mean, or TA_MA of another matype (from max(its lookback, n - 1));
 * the deviation is always the window's.
 */
export function bands(x: Float64Array, n: number, mult: number, matype = 'sma'): Float64Array[] {
  const first = Math.max(maLookback(matype, n), n - 1);
  const ma = matype === 'sma' ? undefined : movingAverage(matype, n, x, 0);
  const mid = rolling(x, n, (i) => (ma ? ma[i + n - 1]! : mean(x, i, n))).map((m, t) => (t < first ? NaN : m));
  const dev = rolling(x, n, (i) => taStddev(populationVariance(x, i, n)) * mult);
  return [mid, mid.map((m, t) => m + dev[t]!), mid.map((m, t) => m - dev[t]!)];
}

export const bandsOf = (x: Float64Array, n: number, mult: number, matype?: string) => bySegments([x], 3, ([s]) => bands(s!, n, mult, matype));
