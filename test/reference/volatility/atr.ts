import { type ReferenceFn, atrSeeded, bySegments } from '../common.js';

const reference: ReferenceFn = ([h, l, c], { window: n }, { seed }) =>
  bySegments([h!, l!, c!], 1, ([sh, sl, sc]) => [atrSeeded(sh!, sl!, sc!, n!, seed)]);

export default reference;
