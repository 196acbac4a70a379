import { type ReferenceFn, bySegments } from '../common.js';
import { fastK, withD } from './common.js';

const reference: ReferenceFn = ([h, l, c], { k_window: kw, d_window: dw }) =>
  bySegments([h!, l!, c!], 2, ([sh, sl, sc]) => withD(fastK(sc!, sh!, sl!, kw!, 0), kw! - 1, dw!));

export default reference;
