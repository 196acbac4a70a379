import { type ReferenceFn, bySegments, emaSeries, wilderSeries, trueRangeSeries, fromBar } from '../common.js';
import { ratioOrNaN } from './common.js';

const reference: ReferenceFn = (inputs, { window: n }) =>
  bySegments(inputs, 1, ([x, h, l, c]) => {
    const ema = emaSeries(x!, n!), atr = wilderSeries(trueRangeSeries(h!, l!, c!), n!);
    return [fromBar(x!.length, n!, (t) => ratioOrNaN(x![t]! - ema[t]!, atr[t]!))];
  });

export default reference;
