import { type ReferenceFn } from '../common.js';
import { lagged } from './common.js';

const reference: ReferenceFn = lagged((x, prev) => x - prev);

export default reference;
