import { type ReferenceFn, atrSeeded, bySegments } from '../common.js';
import { ratioOrNaN, candleLengths } from './common.js';

const reference: ReferenceFn = (inputs, { atr_window: n }, { seed } = {}) =>
  bySegments(inputs, 4, (seg) => {
    const atr = atrSeeded(seg[1]!, seg[2]!, seg[3]!, n!, seed);
    return candleLengths(seg).map((x) => x.map((v, t) => ratioOrNaN(v, atr[t]!)));
  });

export default reference;
