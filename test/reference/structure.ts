import {
  bySegments, emaSeries, fromBar, highest, lowest, mean, populationVariance, trueRangeSeries, wilderSeries, type ReferenceFn,
} from './common.js';

const ratioOrNaN = (x: number, by: number) => (by === 0 ? NaN : x / by);

/** body, range, upper wick, lower wick of every bar. */
function candleLengths([o, h, l, c]: Float64Array[]): Float64Array[] {
  const len = o!.length;
  return [
    fromBar(len, 0, (t) => Math.abs(c![t]! - o![t]!)),
    fromBar(len, 0, (t) => h![t]! - l![t]!),
    fromBar(len, 0, (t) => h![t]! - Math.max(o![t]!, c![t]!)),
    fromBar(len, 0, (t) => Math.min(o![t]!, c![t]!) - l![t]!),
  ];
}

function windowSum(x: Float64Array, t: number, n: number): number {
  let s = 0;
  for (let i = t - n + 1; i <= t; i++) s += x[i]!;
  return s;
}

/** One output over a window of the last n values of one input. */
const windowed = (f: (x: Float64Array, t: number, n: number) => number): ReferenceFn => ([x], { window: n }) =>
  bySegments([x!], 1, ([s]) => [fromBar(s!.length, n! - 1, (t) => f(s!, t, n!))]);

/**
 * x[p], p = t - right, when sign * x[p] is above each of the `left` values
 * before it and not below any of the `right` values after it; else NaN.
 */
function pivotAt(x: Float64Array, t: number, left: number, right: number, sign: number): number {
  const p = t - right, v = sign * x[p]!;
  for (let i = p - left; i < p; i++) if (!(v > sign * x[i]!)) return NaN;
  for (let i = p + 1; i <= t; i++) if (!(v >= sign * x[i]!)) return NaN;
  return x[p]!;
}

export const structure: Record<string, ReferenceFn> = {
  'structure.candle_stats': (inputs) =>
    bySegments(inputs, 7, (seg) => {
      const [body, range, upper, lower] = candleLengths(seg);
      const pct = (x: Float64Array) => x.map((v, t) => 100 * ratioOrNaN(v, range![t]!));
      return [body!, range!, upper!, lower!, pct(body!), pct(upper!), pct(lower!)];
    }),
  'structure.candle_stats_atr_norm': (inputs, { atr_window: n }) =>
    bySegments(inputs, 4, (seg) => {
      const atr = wilderSeries(trueRangeSeries(seg[1]!, seg[2]!, seg[3]!), n!);
      return candleLengths(seg).map((x) => x.map((v, t) => ratioOrNaN(v, atr[t]!)));
    }),
  'structure.distance_to_ma_norm': (inputs, { window: n }) =>
    bySegments(inputs, 1, ([x, h, l, c]) => {
      const ema = emaSeries(x!, n!), atr = wilderSeries(trueRangeSeries(h!, l!, c!), n!);
      return [fromBar(x!.length, n!, (t) => ratioOrNaN(x![t]! - ema[t]!, atr[t]!))];
    }),
  'structure.percent_rank': ([x], { window: n }) =>
    bySegments([x!], 1, ([s]) => [
      fromBar(s!.length, n!, (t) => {
        let count = 0;
        for (let i = 1; i <= n!; i++) if (s![t - i]! <= s![t]!) count++;
        return (100 * count) / n!;
      }),
    ]),
  'structure.zscore': windowed((x, t, n) => ratioOrNaN(x[t]! - mean(x, t - n + 1, n), Math.sqrt(populationVariance(x, t - n + 1, n)))),
  'structure.pivots': ([h, l], { left, right }) =>
    bySegments([h!, l!], 2, ([sh, sl]) => [
      fromBar(sh!.length, left! + right!, (t) => pivotAt(sh!, t, left!, right!, 1)),
      fromBar(sl!.length, left! + right!, (t) => pivotAt(sl!, t, left!, right!, -1)),
    ]),
  'structure.max': windowed(highest),
  'structure.min': windowed(lowest),
  'structure.sum': windowed(windowSum),
  'structure.midpoint': windowed((x, t, n) => (highest(x, t, n) + lowest(x, t, n)) / 2),
  'structure.midprice': ([h, l], { window: n }) =>
    bySegments([h!, l!], 1, ([sh, sl]) => [fromBar(sh!.length, n! - 1, (t) => (highest(sh!, t, n!) + lowest(sl!, t, n!)) / 2)]),
};
