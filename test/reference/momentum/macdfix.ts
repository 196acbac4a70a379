import { type ReferenceFn, bySegments } from '../common.js';
import { withSignal, difference } from './common.js';

const reference: ReferenceFn = ([x], { signal }) =>
  bySegments([x!], 3, ([s]) => withSignal(s!, { fast: 12, slow: 26, signal: signal!, fixed: 1 }, true, difference));

export default reference;
