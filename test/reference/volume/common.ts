// What several volume references share.
import { fromBar } from '../common.js';

export const typicalPrice = (h: number, l: number, c: number) => (h + l + c) / 3;

/** TA-Lib AD's term: close location in the bar's range times volume, 0 without range. */
export const moneyFlowVolume = (h: number, l: number, c: number, v: number) => (h - l > 0 ? ((c - l - (h - c)) / (h - l)) * v : 0);

/** Sum of f(i) over the window of n bars ending at t. */
export function windowSum(t: number, n: number, f: (i: number) => number): number {
  let s = 0;
  for (let i = t - n + 1; i <= t; i++) s += f(i);
  return s;
}

export function adSeries([h, l, c, v]: Float64Array[]): Float64Array {
  let ad = 0;
  return fromBar(h!.length, 0, (t) => (ad += moneyFlowVolume(h![t]!, l![t]!, c![t]!, v![t]!)));
}

/** Window sum of weight * value / window sum of weight, NaN when the weights sum to 0. */
export function weightedMean(t: number, n: number, value: (i: number) => number, weight: (i: number) => number): number {
  const w = windowSum(t, n, weight);
  return w === 0 ? NaN : windowSum(t, n, (i) => value(i) * weight(i)) / w;
}
