import { type ReferenceFn, bySegments } from '../common.js';
import { ratioOrNaN, candleLengths } from './common.js';

const reference: ReferenceFn = (inputs) =>
  bySegments(inputs, 7, (seg) => {
    const [body, range, upper, lower] = candleLengths(seg);
    const pct = (x: Float64Array) => x.map((v, t) => 100 * ratioOrNaN(v, range![t]!));
    return [body!, range!, upper!, lower!, pct(body!), pct(upper!), pct(lower!)];
  });

export default reference;
