import { type ReferenceFn, bySegments } from '../common.js';
import { nearZero, withSignal } from './common.js';

const percent = (fast: number, slow: number) => (nearZero(slow) ? 0 : ((fast - slow) / slow) * 100);

const reference: ReferenceFn = ([x], p, { seed } = {}) => bySegments([x!], 3, ([s]) => withSignal(s!, p, false, percent, seed));

export default reference;
