import { type ReferenceFn, bySegments, wilderSeries, trueRangeSeries } from '../common.js';
import { ratioOrNaN, candleLengths } from './common.js';

const reference: ReferenceFn = (inputs, { atr_window: n }) =>
  bySegments(inputs, 4, (seg) => {
    const atr = wilderSeries(trueRangeSeries(seg[1]!, seg[2]!, seg[3]!), n!);
    return candleLengths(seg).map((x) => x.map((v, t) => ratioOrNaN(v, atr[t]!)));
  });

export default reference;
