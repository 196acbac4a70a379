import { type ReferenceFn, nanArray, bySegments, trueRangeSeries } from '../common.js';

const reference: ReferenceFn = ([h, l, c], { window: n }) =>
  bySegments([h!, l!, c!], 2, ([sh, sl, sc]) => {
    const T = sh!.length;
    const tr = trueRangeSeries(sh!, sl!, sc!);
    const plus = nanArray(T), minus = nanArray(T);
    for (let t = n!; t < T; t++) {
      let vmPlus = 0, vmMinus = 0, range = 0;
      for (let i = t - n! + 1; i <= t; i++) {
        vmPlus += Math.abs(sh![i]! - sl![i - 1]!);
        vmMinus += Math.abs(sl![i]! - sh![i - 1]!);
        range += tr[i]!;
      }
      plus[t] = range === 0 ? NaN : vmPlus / range;
      minus[t] = range === 0 ? NaN : vmMinus / range;
    }
    return [plus, minus];
  });

export default reference;
