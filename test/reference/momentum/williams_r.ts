import { type ReferenceFn, nanArray, bySegments, highest, lowest } from '../common.js';

const reference: ReferenceFn = ([h, l, c], { window: n }, { zero_denominator: zero } = {}) =>
  bySegments([h!, l!, c!], 1, ([sh, sl, sc]) => {
    const out = nanArray(sc!.length);
    for (let t = n! - 1; t < sc!.length; t++) {
      const hh = highest(sh!, t, n!), ll = lowest(sl!, t, n!);
      out[t] = hh === ll ? (zero === 'nan' ? NaN : 0) : (-100 * (hh - sc![t]!)) / (hh - ll);
    }
    return [out];
  });

export default reference;
