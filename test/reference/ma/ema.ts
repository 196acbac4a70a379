import { type ReferenceFn, emaSeeded } from '../common.js';
import { onSource } from './common.js';

const reference: ReferenceFn = onSource((s, { window: n }, { seed }) => emaSeeded(s, n!, 0, seed));

export default reference;
