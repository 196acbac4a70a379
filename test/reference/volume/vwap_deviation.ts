import { type ReferenceFn, bySegments, fromBar } from '../common.js';
import { typicalPrice, weightedMean } from './common.js';

const reference: ReferenceFn = (inputs, { window: n, mult }) =>
  bySegments(inputs, 4, ([h, l, c, v]) => {
    const tp = (i: number) => typicalPrice(h![i]!, l![i]!, c![i]!);
    const vol = (i: number) => v![i]!;
    const vwap = fromBar(h!.length, n! - 1, (t) => weightedMean(t, n!, tp, vol));
    const sd = vwap.map((m, t) => Math.sqrt(weightedMean(t, n!, (i) => (tp(i) - m) ** 2, vol)));
    return [vwap, vwap.map((m, t) => m + mult! * sd[t]!), vwap.map((m, t) => m - mult! * sd[t]!), sd];
  });

export default reference;
