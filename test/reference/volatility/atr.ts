import { type ReferenceFn, bySegments, wilderSeries, trueRangeSeries } from '../common.js';

const reference: ReferenceFn = ([h, l, c], { window: n }) =>
  bySegments([h!, l!, c!], 1, ([sh, sl, sc]) => [wilderSeries(trueRangeSeries(sh!, sl!, sc!), n!)]);

export default reference;
