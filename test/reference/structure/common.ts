// What several structure references share.
import { type ReferenceFn, bySegments, fromBar } from '../common.js';

export const ratioOrNaN = (x: number, by: number) => (by === 0 ? NaN : x / by);

/** body, range, upper wick, lower wick of every bar. */
export function candleLengths([o, h, l, c]: Float64Array[]): Float64Array[] {
  const len = o!.length;
  return [
    fromBar(len, 0, (t) => Math.abs(c![t]! - o![t]!)),
    fromBar(len, 0, (t) => h![t]! - l![t]!),
    fromBar(len, 0, (t) => h![t]! - Math.max(o![t]!, c![t]!)),
    fromBar(len, 0, (t) => Math.min(o![t]!, c![t]!) - l![t]!),
  ];
}

/** One output over a window of the last n values of one input. */
export const windowed = (f: (x: Float64Array, t: number, n: number) => number): ReferenceFn => ([x], { window: n }) =>
  bySegments([x!], 1, ([s]) => [fromBar(s!.length, n! - 1, (t) => f(s!, t, n!))]);

/**
 * x[p], p = t - right, when sign * x[p] is above each of the `left` values
 * before it and not below any of the `right` values after it; else NaN.
 */

/**
 * TA-Lib MININDEX / MAXINDEX as absolute bar indexes, with TA-Lib's ties: the
 * bar kept from the previous bar stays while inside the window and gives way
 * to a new bar at least as extreme; once it leaves, the first extreme bar of
 * the window is taken. Returns [min indexes, max indexes].
 */
export const extremeIndexes: ReferenceFn = ([x], { window: n }) =>
  bySegments([x!], 2, ([s], from) => {
    const track = (better: (a: number, b: number) => boolean) => {
      let kept = -1;
      return fromBar(s!.length, n! - 1, (t) => {
        if (kept >= t - n! + 1) {
          if (!better(s![kept]!, s![t]!)) kept = t;
        } else {
          kept = t - n! + 1;
          for (let i = kept + 1; i <= t; i++) if (better(s![i]!, s![kept]!)) kept = i;
        }
        return from + kept;
      });
    };
    return [track((a, b) => a < b), track((a, b) => a > b)];
  });
