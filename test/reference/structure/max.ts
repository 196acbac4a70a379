import { type ReferenceFn, highest } from '../common.js';
import { windowed } from './common.js';

const reference: ReferenceFn = windowed(highest);

export default reference;
