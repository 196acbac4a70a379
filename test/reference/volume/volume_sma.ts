import { type ReferenceFn, bySegments, mean, fromBar } from '../common.js';

const reference: ReferenceFn = ([v], { window: n }) =>
  bySegments([v!], 1, ([s]) => [fromBar(s!.length, n! - 1, (t) => mean(s!, t - n! + 1, n!))]);

export default reference;
