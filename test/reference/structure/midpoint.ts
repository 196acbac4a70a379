import { type ReferenceFn, highest, lowest } from '../common.js';
import { windowed } from './common.js';

const reference: ReferenceFn = windowed((x, t, n) => (highest(x, t, n) + lowest(x, t, n)) / 2);

export default reference;
