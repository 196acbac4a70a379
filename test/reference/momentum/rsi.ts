import { type ReferenceFn, nanArray, bySegments } from '../common.js';
import { nearZero, wilderGainsLosses } from './common.js';

const reference: ReferenceFn = ([x], { window: n }) =>
  bySegments([x!], 1, ([s]) => {
    const [g, l] = wilderGainsLosses(s!, n!);
    const out = nanArray(s!.length);
    for (let t = n!; t < s!.length; t++) {
      const sum = g[t]! + l[t]!;
      out[t] = nearZero(sum) ? 0 : (100 * g[t]!) / sum;
    }
    return [out];
  });

export default reference;
