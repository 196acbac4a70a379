import { type ReferenceFn, bySegments } from '../common.js';
import { blankFlatK, fastK, smaFrom, withD } from './common.js';

const reference: ReferenceFn = ([h, l, c], { k_window: kw, k_smoothing: ks, d_window: dw }, { zero_denominator: zero } = {}) =>
  bySegments([h!, l!, c!], 2, ([sh, sl, sc]) => {
    const slow = smaFrom(fastK(sc!, sh!, sl!, kw!, 0), kw! - 1, ks!);
    return blankFlatK(withD(slow, kw! + ks! - 2, dw!), sh!, sl!, kw!, 0, zero);
  });

export default reference;
