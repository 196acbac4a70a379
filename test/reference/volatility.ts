import { bySegments, trueRangeSeries, wilderSeries, type ReferenceFn } from './common.js';

export const volatility: Record<string, ReferenceFn> = {
  'volatility.atr': ([h, l, c], { window: n }) =>
    bySegments([h!, l!, c!], 1, ([sh, sl, sc]) => [wilderSeries(trueRangeSeries(sh!, sl!, sc!), n!)]),
};
