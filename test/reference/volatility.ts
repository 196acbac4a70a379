import { bySegments, mean, nanArray, populationVariance, trueRangeSeries, wilderSeries, type ReferenceFn } from './common.js';

/** f(from) for every full window x[from .. from+n), at the window's last bar; NaN before. */
function rolling(x: Float64Array, n: number, f: (from: number) => number): Float64Array {
  const out = nanArray(x.length);
  for (let t = n - 1; t < x.length; t++) out[t] = f(t - n + 1);
  return out;
}

/** TA-Lib STDDEV / BBANDS: 0 when the variance is below 1e-14. */
const taStddev = (variance: number) => (variance < 1e-14 ? 0 : Math.sqrt(variance));

/** Bollinger bands of one segment: [mid, upper, lower]. */
function bands(x: Float64Array, n: number, mult: number): Float64Array[] {
  const mid = rolling(x, n, (i) => mean(x, i, n));
  const dev = rolling(x, n, (i) => taStddev(populationVariance(x, i, n)) * mult);
  return [mid, mid.map((m, t) => m + dev[t]!), mid.map((m, t) => m - dev[t]!)];
}

const bandsOf = (x: Float64Array, n: number, mult: number) => bySegments([x], 3, ([s]) => bands(s!, n, mult));

export const volatility: Record<string, ReferenceFn> = {
  'volatility.tr': ([h, l, c]) => bySegments([h!, l!, c!], 1, ([sh, sl, sc]) => [trueRangeSeries(sh!, sl!, sc!)]),
  'volatility.atr': ([h, l, c], { window: n }) =>
    bySegments([h!, l!, c!], 1, ([sh, sl, sc]) => [wilderSeries(trueRangeSeries(sh!, sl!, sc!), n!)]),
  'volatility.natr': ([h, l, c], { window: n }) =>
    bySegments([h!, l!, c!], 1, ([sh, sl, sc]) => {
      const atr = wilderSeries(trueRangeSeries(sh!, sl!, sc!), n!);
      return [atr.map((a, t) => (sc![t] === 0 ? NaN : (a / sc![t]!) * 100))];
    }),
  'volatility.variance': ([x], { window: n }) =>
    bySegments([x!], 1, ([s]) => [rolling(s!, n!, (i) => populationVariance(s!, i, n!))]),
  'volatility.stddev': ([x], { window: n, nbdev }) =>
    bySegments([x!], 1, ([s]) => [rolling(s!, n!, (i) => taStddev(populationVariance(s!, i, n!)) * nbdev!)]),
  'volatility.bbands': ([x], { window: n, mult }) => bandsOf(x!, n!, mult!),
  'volatility.bbands_bandwidth': ([x], { window: n, mult }) => {
    const [mid, upper, lower] = bandsOf(x!, n!, mult!);
    return [mid!.map((m, t) => (m === 0 ? NaN : (upper![t]! - lower![t]!) / m))];
  },
  'volatility.bbands_percent_b': ([x], { window: n, mult }) => {
    const [, upper, lower] = bandsOf(x!, n!, mult!);
    return [x!.map((v, t) => (upper![t] === lower![t] ? NaN : (v - lower![t]!) / (upper![t]! - lower![t]!)))];
  },
  'volatility.hv': ([x], { window: n, annualization }) =>
    bySegments([x!], 1, ([s]) => {
      // A log return needs two positive prices; NaN in a window makes it NaN.
      const returns = s!.map((v, t) => (t > 0 && v > 0 && s![t - 1]! > 0 ? Math.log(v / s![t - 1]!) : NaN));
      return [rolling(returns, n!, (i) => 100 * Math.sqrt(populationVariance(returns, i, n!)) * Math.sqrt(annualization!))];
    }),
};
