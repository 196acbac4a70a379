import { type ReferenceFn, nanArray, bySegments, wilderSeries, trueRangeSeries, highest, lowest } from '../common.js';

const reference: ReferenceFn = ([h, l, c], { window: n, mult }) =>
  bySegments([h!, l!, c!], 2, ([sh, sl, sc]) => {
    const T = sh!.length;
    const atr = wilderSeries(trueRangeSeries(sh!, sl!, sc!), n!);
    const long = nanArray(T), short = nanArray(T);
    for (let t = n!; t < T; t++) {
      long[t] = highest(sh!, t, n!) - mult! * atr[t]!;
      short[t] = lowest(sl!, t, n!) + mult! * atr[t]!;
    }
    return [long, short];
  });

export default reference;
