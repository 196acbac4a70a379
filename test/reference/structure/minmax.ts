import { type ReferenceFn, highest, lowest } from '../common.js';
import { windowed } from './common.js';

const reference: ReferenceFn = (inputs, params) => [...windowed(lowest)(inputs, params), ...windowed(highest)(inputs, params)];

export default reference;
