import { type ReferenceFn, bySegments, fromBar } from '../common.js';
import { moneyFlowVolume, windowSum } from './common.js';

const reference: ReferenceFn = (inputs, { window: n }) =>
  bySegments(inputs, 1, ([h, l, c, v]) => [
    fromBar(h!.length, n! - 1, (t) => {
      const vol = windowSum(t, n!, (i) => v![i]!);
      return vol === 0 ? NaN : windowSum(t, n!, (i) => moneyFlowVolume(h![i]!, l![i]!, c![i]!, v![i]!)) / vol;
    }),
  ]);

export default reference;
