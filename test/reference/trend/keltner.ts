import { type ReferenceFn, nanArray, bySegments, emaSeries, wilderSeries, trueRangeSeries } from '../common.js';

const reference: ReferenceFn = ([h, l, c], { window: n, mult }) =>
  bySegments([h!, l!, c!], 3, ([sh, sl, sc]) => {
    const T = sh!.length;
    const typical = new Float64Array(T);
    for (let t = 0; t < T; t++) typical[t] = (sh![t]! + sl![t]! + sc![t]!) / 3;
    const middle = emaSeries(typical, n!);
    const atr = wilderSeries(trueRangeSeries(sh!, sl!, sc!), n!);
    const upper = nanArray(T), lower = nanArray(T);
    for (let t = n!; t < T; t++) {
      upper[t] = middle[t]! + mult! * atr[t]!;
      lower[t] = middle[t]! - mult! * atr[t]!;
    }
    return [middle, upper, lower];
  });

export default reference;
