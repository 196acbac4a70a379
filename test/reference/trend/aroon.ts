import { type ReferenceFn, nanArray, bySegments, highest, lowest } from '../common.js';
import type { Series } from './common.js';

/** Bar of the highest (or lowest) value of x[t-n .. t]; ties go to the most recent bar, as in TA-Lib's AROON. */
function extremeIndex(x: Series, t: number, n: number, isMax: boolean): number {
  let best = t - n;
  for (let i = t - n + 1; i <= t; i++) if (isMax ? x[i]! >= x[best]! : x[i]! <= x[best]!) best = i;
  return best;
}

const reference: ReferenceFn = ([h, l], { window: n }) =>
  bySegments([h!, l!], 3, ([sh, sl]) => {
    const T = sh!.length;
    const [up, down, osc] = [nanArray(T), nanArray(T), nanArray(T)];
    const factor = 100 / n!;
    for (let t = n!; t < T; t++) {
      const hi = extremeIndex(sh!, t, n!, true), lo = extremeIndex(sl!, t, n!, false);
      up[t] = factor * (n! - (t - hi));
      down[t] = factor * (n! - (t - lo));
      osc[t] = factor * (hi - lo);
    }
    return [up, down, osc];
  });

export default reference;
