import { type ReferenceFn, bySegments, fromBar } from '../common.js';
import { typicalPrice, windowSum } from './common.js';

const reference: ReferenceFn = (inputs, { window: n }, { zero_denominator: zero } = {}) =>
  bySegments(inputs, 1, ([h, l, c, v]) => {
    const tp = h!.map((_, t) => typicalPrice(h![t]!, l![t]!, c![t]!));
    return [
      fromBar(tp.length, n!, (t) => {
        const pos = windowSum(t, n!, (i) => (tp[i]! > tp[i - 1]! ? tp[i]! * v![i]! : 0));
        const neg = windowSum(t, n!, (i) => (tp[i]! < tp[i - 1]! ? tp[i]! * v![i]! : 0));
        return pos + neg < 1 ? (zero === 'nan' ? NaN : 0) : (100 * pos) / (pos + neg);
      }),
    ];
  });

export default reference;
