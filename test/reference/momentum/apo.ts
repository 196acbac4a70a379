import { type ReferenceFn, bySegments } from '../common.js';
import { emaLine, difference } from './common.js';

const reference: ReferenceFn = ([x], p) => bySegments([x!], 1, ([s]) => [emaLine(s!, p, false, difference).out]);

export default reference;
