import { type ReferenceFn, nanArray, bySegments, emaSeries, emaFrom } from '../common.js';
import { roc } from './common.js';

const reference: ReferenceFn = ([x], { window: n }) =>
  bySegments([x!], 1, ([s]) => {
    const e1 = emaSeries(s!, n!);
    const e2 = emaFrom(e1, n! - 1, n!);
    const e3 = emaFrom(e2, 2 * (n! - 1), n!);
    const out = nanArray(s!.length);
    for (let t = 3 * (n! - 1) + 1; t < s!.length; t++) out[t] = roc(e3[t]!, e3[t - 1]!);
    return [out];
  });

export default reference;
