import { type ReferenceFn, bySegments } from '../common.js';
import { withSignal, difference } from './common.js';

const reference: ReferenceFn = ([x], p, { seed } = {}) => bySegments([x!], 3, ([s]) => withSignal(s!, p, true, difference, seed));

export default reference;
