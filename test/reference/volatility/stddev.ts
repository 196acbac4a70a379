import { type ReferenceFn, bySegments, populationVariance } from '../common.js';
import { rolling, taStddev } from './common.js';

const reference: ReferenceFn = ([x], { window: n, nbdev }) =>
  bySegments([x!], 1, ([s]) => [rolling(s!, n!, (i) => taStddev(populationVariance(s!, i, n!)) * nbdev!)]);

export default reference;
