import { type ReferenceFn, lowest } from '../common.js';
import { windowed } from './common.js';

const reference: ReferenceFn = windowed(lowest);

export default reference;
