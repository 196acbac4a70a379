import { type ReferenceFn, bySegments, populationVariance } from '../common.js';
import { rolling } from './common.js';

const reference: ReferenceFn = ([x], { window: n }) =>
  bySegments([x!], 1, ([s]) => [rolling(s!, n!, (i) => populationVariance(s!, i, n!))]);

export default reference;
