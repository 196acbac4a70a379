import { type ReferenceFn, nanArray, bySegments } from '../common.js';
import { directional } from './common.js';

const reference: ReferenceFn = ([h, l, c], { window: n }, { seed } = {}) =>
  bySegments([h!, l!, c!], 1, ([sh, sl, sc]) => {
    const { adx } = directional(sh!, sl!, sc!, n!, n!, seed);
    const out = nanArray(adx.length);
    for (let t = seed === 'first' ? n! : 3 * n! - 2; t < adx.length; t++) out[t] = (adx[t]! + adx[t - (n! - 1)]!) / 2;
    return [out];
  });

export default reference;
