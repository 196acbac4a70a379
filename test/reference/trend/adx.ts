import { type ReferenceFn, bySegments } from '../common.js';
import { directional } from './common.js';

const reference: ReferenceFn = ([h, l, c], { window: n, adx_window: m }, { seed, zero_denominator: zero } = {}) =>
  bySegments([h!, l!, c!], 4, ([sh, sl, sc]) => {
    const d = directional(sh!, sl!, sc!, n!, m! > 0 ? m! : n!, seed);
    if (zero !== 'nan') return [d.adx, d.plusDI, d.minusDI, d.dx];
    // zero_denominator 'nan': NaN where TA-Lib writes its number (the state goes on as TA-Lib's).
    const blank = (x: Float64Array, mask: Uint8Array) => x.map((v, t) => (mask[t] ? NaN : v));
    return [blank(d.adx, d.undefinedDX), blank(d.plusDI, d.flatTR), blank(d.minusDI, d.flatTR), blank(d.dx, d.undefinedDX)];
  });

export default reference;
