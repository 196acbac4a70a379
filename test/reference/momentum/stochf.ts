import { type ReferenceFn, bySegments } from '../common.js';
import { blankFlatK, fastK, withD } from './common.js';

const reference: ReferenceFn = ([h, l, c], { k_window: kw, d_window: dw }, { zero_denominator: zero } = {}) =>
  bySegments([h!, l!, c!], 2, ([sh, sl, sc]) => blankFlatK(withD(fastK(sc!, sh!, sl!, kw!, 0), kw! - 1, dw!), sh!, sl!, kw!, 0, zero));

export default reference;
