import { type ReferenceFn, bySegments, fromBar } from '../common.js';
import { typicalPrice, weightedMean } from './common.js';

const reference: ReferenceFn = (inputs, { window: n }) =>
  bySegments(inputs, 1, ([h, l, c, v]) => [
    fromBar(h!.length, n! - 1, (t) => weightedMean(t, n!, (i) => typicalPrice(h![i]!, l![i]!, c![i]!), (i) => v![i]!)),
  ]);

export default reference;
