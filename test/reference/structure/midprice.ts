import { type ReferenceFn, bySegments, highest, lowest, fromBar } from '../common.js';

const reference: ReferenceFn = ([h, l], { window: n }) =>
  bySegments([h!, l!], 1, ([sh, sl]) => [fromBar(sh!.length, n! - 1, (t) => (highest(sh!, t, n!) + lowest(sl!, t, n!)) / 2)]);

export default reference;
