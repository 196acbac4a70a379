import { type ReferenceFn, bySegments, mean, nanArray } from '../common.js';

/** TA-Lib ACCBANDS: SMAs of the high and low widened by 4·(high − low)/(high + low), and of the close. */
const reference: ReferenceFn = ([h, l, c], { window: n }) =>
  bySegments([h!, l!, c!], 3, ([sh, sl, sc]) => {
    const T = sh!.length;
    const width = (t: number) => {
      const sum = sh![t]! + sl![t]!;
      return Math.abs(sum) < 1e-14 ? 0 : (4 * (sh![t]! - sl![t]!)) / sum;
    };
    const upper = Float64Array.from({ length: T }, (_, t) => sh![t]! * (1 + width(t)));
    const lower = Float64Array.from({ length: T }, (_, t) => sl![t]! * (1 - width(t)));
    const out = [nanArray(T), nanArray(T), nanArray(T)];
    for (let t = n! - 1; t < T; t++) {
      out[0]![t] = mean(upper, t - n! + 1, n!);
      out[1]![t] = mean(sc!, t - n! + 1, n!);
      out[2]![t] = mean(lower, t - n! + 1, n!);
    }
    return out;
  });

export default reference;
