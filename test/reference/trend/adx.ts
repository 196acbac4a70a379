import { type ReferenceFn, bySegments } from '../common.js';
import { directional } from './common.js';

const reference: ReferenceFn = ([h, l, c], { window: n, adx_window: m }, { seed } = {}) =>
  bySegments([h!, l!, c!], 4, ([sh, sl, sc]) => {
    const d = directional(sh!, sl!, sc!, n!, m! > 0 ? m! : n!, seed);
    return [d.adx, d.plusDI, d.minusDI, d.dx];
  });

export default reference;
