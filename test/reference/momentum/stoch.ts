import { type ReferenceFn, bySegments } from '../common.js';
import { blankFlatK, fastK, kdByType, smaFrom, withD } from './common.js';

const reference: ReferenceFn = ([h, l, c], { k_window: kw, k_smoothing: ks, d_window: dw }, { zero_denominator: zero, slowk_matype: kt = 'sma', slowd_matype: dt = 'sma' } = {}) =>
  bySegments([h!, l!, c!], 2, ([sh, sl, sc]) => {
    const fast = fastK(sc!, sh!, sl!, kw!, 0);
    const kd = kt === 'sma' && dt === 'sma' ? withD(smaFrom(fast, kw! - 1, ks!), kw! + ks! - 2, dw!) : kdByType(fast, kw! - 1, kt, ks!, dt, dw!);
    return blankFlatK(kd, sh!, sl!, kw!, 0, zero);
  });

export default reference;
