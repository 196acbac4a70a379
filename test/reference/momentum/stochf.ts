import { type ReferenceFn, bySegments } from '../common.js';
import { blankFlatK, fastK, kdByType, withD } from './common.js';

const reference: ReferenceFn = ([h, l, c], { k_window: kw, d_window: dw }, { zero_denominator: zero, fastd_matype: dt = 'sma' } = {}) =>
  bySegments([h!, l!, c!], 2, ([sh, sl, sc]) => {
    const fast = fastK(sc!, sh!, sl!, kw!, 0);
    const kd = dt === 'sma' ? withD(fast, kw! - 1, dw!) : kdByType(fast, kw! - 1, 'sma', 1, dt, dw!);
    return blankFlatK(kd, sh!, sl!, kw!, 0, zero);
  });

export default reference;
