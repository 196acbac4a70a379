import { type ReferenceFn, bySegments } from '../common.js';
import { emaLine, difference } from './common.js';

const reference: ReferenceFn = ([x], p, { seed } = {}) => bySegments([x!], 1, ([s]) => [emaLine(s!, p, false, difference, seed).out]);

export default reference;
