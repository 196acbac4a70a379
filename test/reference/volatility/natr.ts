import { type ReferenceFn, bySegments, wilderSeries, trueRangeSeries } from '../common.js';

const reference: ReferenceFn = ([h, l, c], { window: n }) =>
  bySegments([h!, l!, c!], 1, ([sh, sl, sc]) => {
    const atr = wilderSeries(trueRangeSeries(sh!, sl!, sc!), n!);
    return [atr.map((a, t) => (sc![t] === 0 ? NaN : (a / sc![t]!) * 100))];
  });

export default reference;
